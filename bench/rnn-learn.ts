/**
 * `npx tsx bench/rnn-learn.ts`: how long `<nn-rnn>` plays before its network reaches 95 %
 * accuracy on held-out sequences, from the seed, with its default settings (hidden 8,
 * unroll 8, Adam at 0.01, clip 5). Play takes up to SEQUENCE_DEFAULTS.stepsPerFrame steps,
 * within FRAME_BUDGET_MS, in each animation frame, as the element does
 * (SequenceTrainer.trainFor); seconds of play are frames ÷ 60. The
 * budget is 30 s of play. Not part of `npm test`: timing depends on the machine's load.
 */
import { performance } from 'node:perf_hooks';
import { SequenceTrainer } from '../src/recurrence.js';

/** The training loop's time slice per frame (components/shared/training-loop.ts). */
const FRAME_BUDGET_MS = 6;
const FPS = 60;
const BUDGET_SECONDS = 30;
const TARGET = 0.95;

let failed = false;
for (const task of ['parity', 'count'] as const) {
  for (const cell of ['rnn', 'gru'] as const) {
    const trainer = new SequenceTrainer({ task, cell });
    const start = performance.now();
    let frames = 0;
    while (trainer.accuracy < TARGET && frames < BUDGET_SECONDS * FPS && !trainer.diverged) {
      trainer.trainFor(FRAME_BUDGET_MS);
      frames++;
    }
    const wall = (performance.now() - start) / 1000;
    const play = frames / FPS;
    const ok = trainer.accuracy >= TARGET;
    if (!ok) failed = true;
    console.log(
      `${task.padEnd(6)} ${cell.padEnd(3)}  ${ok ? 'reached' : 'MISSED '} ${(trainer.accuracy * 100).toFixed(1)} % after ${play.toFixed(2)} s of play ` +
        `(${frames} frames, ${trainer.steps} steps, ${trainer.epochs} epochs, ${wall.toFixed(2)} s wall); budget ${BUDGET_SECONDS} s`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
