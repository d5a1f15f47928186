/**
 * Robustness R = (S₂ − S₁)/S₁ of the two lowest separated minima
 * (METHOD.md §5). Undefined when there is no second minimum ("unique").
 * R < 0.1 marks an unreliable redshift (the paper's threshold).
 */
export function robustness(minimaValues: readonly number[]): number | undefined {
  if (minimaValues.length < 2) return undefined;
  const s1 = minimaValues[0];
  const s2 = minimaValues[1];
  if (!(s1 > 0)) return undefined;
  return (s2 - s1) / s1;
}
