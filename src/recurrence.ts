/** Recurrent networks over sequences: the plain tanh cell and the GRU, backpropagation through time, and the sequence tasks they learn. */
export { CELLS, type CellKind, RECURRENT_LIMITS, type RecurrentLayout, RecurrentNet, type RecurrentOptions } from './recurrent.js';
export { MAX_TEXT, SEQUENCE_TASKS, type SequenceTask, type SequenceTaskName, characters, makeSequenceTask } from './recurrent-tasks.js';
export { SEQUENCE_DEFAULTS, SequenceTrainer, type SequenceTrainerOptions } from './recurrent-trainer.js';
