/** What loading a model file gave: parsed JSON, or a message for the writer. */
export type ModelResult = { json: unknown } | { problem: string };

/**
 * Fetches model JSON for `src`. A new load aborts the one before it, and a superseded
 * load resolves to undefined, so only the latest `src` wins. Never rejects.
 */
export class ModelFetcher {
  private controller?: AbortController;

  /** Stops the load in flight, if any. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  async load(url: string): Promise<ModelResult | undefined> {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    const where = `Could not load the model from "${url}"`;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (controller.signal.aborted) return undefined;
      if (!response.ok) return { problem: `${where}: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.') };
      const text = await response.text();
      if (controller.signal.aborted) return undefined;
      try {
        return { json: JSON.parse(text) };
      } catch {
        return { problem: `${where}: the file is not valid JSON.` };
      }
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      return { problem: `${where}: ${error instanceof Error ? error.message : String(error)}.` };
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }
}
