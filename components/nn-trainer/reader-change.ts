import { featuresAfterSwitch } from './session.js';

/** The element's settings a reader's change touches: the one changed, and the features a switch of data may set aside. */
export interface ReaderHost {
  features?: readonly string[];
}

/**
 * A reader's change in the settings panel: the property is set (text is read as its
 * attribute would be) and a `change` event says so. Data with one input takes no features
 * of x₂: they are set aside until the reader picks two-dimensional data again.
 */
export class ReaderChanges {
  /** The writer's features that a switch to one-dimensional data set aside. */
  private setAside?: readonly string[];

  constructor(
    private readonly host: ReaderHost,
    /** Fires the element's `change` event. */
    private readonly changed: (name: string, value: unknown) => void,
  ) {}

  set(name: string, value: unknown): void {
    const self = this.host as unknown as Record<string, unknown>;
    self[name] = value;
    this.changed(name, self[name]);
    const switched = name === 'data' ? featuresAfterSwitch(String(self[name]), this.host.features, this.setAside) : undefined;
    if (!switched) return;
    this.host.features = switched.features;
    this.setAside = switched.setAside;
    this.changed('features', this.host.features);
  }
}
