import { fetchText, parseJson } from '../shared/data-source.js';

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
    try {
      const text = await fetchText(url, controller.signal, 'the model from ');
      if (controller.signal.aborted) return undefined;
      return { json: parseJson(text, `The model at "${url}"`) };
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      return { problem: error instanceof Error ? error.message : String(error) };
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }
}
