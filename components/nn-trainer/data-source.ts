import type { ReactiveControllerHost } from 'lit';
import type { ReadData } from '../../src/data-text.js';
import { parseData } from '../shared/data-source.js';
import { SourceController } from '../shared/source-controller.js';

/** Where the writer's own data is reported: loading (the last URL's message is stale), loaded, or what is wrong with it. */
export interface DataReport {
  loading(): void;
  loaded(data: ReadData): void;
  failed(message: string): void;
}

/** The writer's own data, from `src` (JSON or CSV) or a child `<script type="application/json">`. */
export function trainerDataSource(host: ReactiveControllerHost & HTMLElement, url: () => string, report: DataReport): SourceController<ReadData> {
  return new SourceController<ReadData>(host, {
    url,
    parse: (text, origin) => parseData(text, origin.kind === 'url' ? `The data at "${origin.url}"` : 'The data in the <script> child'),
    onLoading: report.loading,
    onResult: report.loaded,
    onError: report.failed,
  });
}
