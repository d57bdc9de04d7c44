/** Replaces console.warn while `action` runs and returns what was warned. */
export async function captureWarnings(action: () => Promise<void>): Promise<string[]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await action();
  } finally {
    console.warn = original;
  }
  return warnings;
}
