const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ids that arrive outside a validated DTO, such as the `<id>` of a Socket.IO room name. */
export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);
