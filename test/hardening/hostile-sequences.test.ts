// Hostile attributes, child JSON and properties (see hostile-sweep.ts) for <nn-rnn> and <nn-attention>.
import { HOSTILE_GROUPS } from './hostile-groups.js';
import { describeHostile } from './hostile-sweep.js';

describeHostile(HOSTILE_GROUPS[3]);
