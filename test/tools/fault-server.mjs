// Answers the browser tests' requests for data that goes wrong in transit
// (test/components/nn-trainer-faults.test.ts): slow, failing, oversized and wrong-type
// responses, served by the test runner's own server under /__faults/.
import { Readable } from 'node:stream';

const PREFIX = '/__faults/';
const CSV = 'x1,x2,label\n-2,-1,0\n-1,-2,0\n-2,-2,0\n2,1,1\n1,2,1\n2,2,1\n';
/** 50 MB: ten times what nn-kit reads from one URL. */
const OVERSIZED_BYTES = 50_000_000;

/** Requests held back until the test releases their key: a load the test can act on while it is under way. */
const gates = new Map();
/** 6 MB: just past the 5 MB nn-kit reads from one URL, where an oversized answer waits for the browser. */
const PAUSE_AT = 6_000_000;
/** How long an oversized answer waits there for the browser to hang up before it goes on to 50 MB. */
const PAUSE_MS = 10_000;

/**
 * What each oversized answer did, by key: the bytes the browser made the server produce,
 * and whether the browser hung up. The answer waits at PAUSE_AT, so what a browser reads
 * ahead of the page (Firefox does not wait for the page to read) cannot decide the count:
 * a reader that cancels past the limit stops it there; one that reads on gets all 50 MB.
 */
const oversizedAnswers = new Map();

function gate(key) {
  let entry = gates.get(key);
  if (!entry) {
    let open;
    entry = { promise: new Promise((resolve) => (open = resolve)), open, waiting: 0 };
    gates.set(key, entry);
  }
  return entry;
}

/** Rows of CSV, generated as the connection takes them, until `limit` bytes or the browser hangs up. */
function oversized(context, key, limit) {
  const row = Buffer.from('0.25,0.75,1\n'.repeat(5000));
  const answer = { bytes: 0, hungUp: false };
  oversizedAnswers.set(key, answer);
  let timer;
  const stream = new Readable({
    read() {
      if (answer.bytes >= limit) {
        this.push(null);
        return;
      }
      if (answer.bytes >= PAUSE_AT && !timer) {
        timer = setTimeout(() => {
          answer.bytes += row.length;
          this.push(row);
        }, PAUSE_MS);
        return;
      }
      answer.bytes += row.length;
      this.push(row);
    },
    destroy(error, callback) {
      clearTimeout(timer);
      callback(error);
    },
  });
  context.res.on('close', () => {
    if (context.res.writableFinished) return;
    answer.hungUp = true;
    stream.destroy();
  });
  return stream;
}

/** Koa middleware for @web/test-runner: serves /__faults/… and passes every other request on. */
export async function faultServer(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  const route = context.path.slice(PREFIX.length);
  const key = context.query.key ?? '';
  context.set('Cache-Control', 'no-store');
  switch (route) {
    case 'gated.csv': {
      const entry = gate(key);
      entry.waiting++;
      await entry.promise;
      context.type = 'text/csv';
      context.body = CSV;
      return;
    }
    case 'waiting':
      // How many requests wait at a gate (each restart of a load is one more).
      context.body = { waiting: gates.get(key)?.waiting ?? 0 };
      return;
    case 'release':
      gate(key).open();
      context.body = { released: key };
      return;
    case 'slow.csv':
      await new Promise((resolve) => setTimeout(resolve, Number(context.query.ms ?? 300)));
      context.type = 'text/csv';
      context.body = CSV;
      return;
    case 'status':
      context.status = Number(context.query.code ?? 500);
      context.type = 'text/html';
      context.body = `<!doctype html><title>${context.status}</title><h1>Error ${context.status}</h1>`;
      return;
    case 'network-error':
      context.respond = false;
      context.req.socket.destroy();
      return;
    case 'oversized.csv':
      context.type = 'text/csv';
      context.body = oversized(context, key, OVERSIZED_BYTES);
      return;
    case 'oversized-declared.csv':
      context.type = 'text/csv';
      context.length = OVERSIZED_BYTES;
      context.body = oversized(context, key, OVERSIZED_BYTES);
      return;
    case 'produced':
      context.body = oversizedAnswers.get(key) ?? { bytes: 0, hungUp: false };
      return;
    case 'page.html':
      context.type = 'text/html';
      context.body = '<!DOCTYPE html>\n<html lang="en"><head><title>Not found</title></head><body><p>Sorry.</p></body></html>';
      return;
    case 'image.png':
      context.type = 'image/png';
      context.body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x01]);
      return;
    default:
      context.status = 404;
      context.body = `No fault named "${route}".`;
  }
}
