/** class-transformer `@Transform` that trims strings and leaves anything else for the validators to refuse. */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
