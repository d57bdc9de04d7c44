// Hostile attributes, child JSON and properties (see hostile-sweep.ts) for <nn-backprop>, <nn-convolution> and <nn-digits>.
import { HOSTILE_GROUPS } from './hostile-groups.js';
import { describeHostile } from './hostile-sweep.js';

describeHostile(HOSTILE_GROUPS[2]);
