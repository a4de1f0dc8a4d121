/** A fraction as a decimal string rounded half up to `decimals` places, e.g. "1190.48". */
export function formatFraction(numerator: bigint, denominator: bigint, decimals: number): string {
  if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
  const negative = numerator < 0n;
  const scale = 10n ** BigInt(decimals);
  const magnitude = negative ? -numerator : numerator;
  const scaled = (magnitude * scale * 2n + denominator) / (denominator * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  const sign = negative && scaled !== 0n ? '-' : '';
  return decimals > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
