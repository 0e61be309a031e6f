/** Parameters of <DepthSignal>: which network, how deep and wide, how many examples, which seed. */
import { defineWidget } from '../../runtime/params.ts';
import type { Params, StateOf } from '../../runtime/params-types.ts';
import { INITIALIZER_LABELS, INITIALIZER_NAMES } from '../labels.ts';

const params = {
  initializer: { kind: 'enum', options: INITIALIZER_NAMES, default: 'glorotUniform', label: 'Initializer', labels: INITIALIZER_LABELS, phrase: 'the # initializer' },
  activation: { kind: 'enum', options: ['linear', 'tanh', 'sigmoid', 'relu'], default: 'tanh', label: 'Activation', phrase: 'the # activation' },
  depth: { kind: 'int', min: 1, max: 50, default: 10, label: 'Layers', phrase: ['# layer', '# layers'] },
  width: { kind: 'int', min: 2, max: 256, default: 100, label: 'Units per layer', phrase: ['# unit per layer', '# units per layer'] },
  samples: { kind: 'int', min: 10, max: 1000, default: 200, label: 'Examples in the batch', phrase: ['# example in the batch', '# examples in the batch'] },
  seed: { kind: 'seed', default: 1, label: 'Seed' },
} as const satisfies Params;

export const depthSignalSpec = defineWidget({
  name: 'DepthSignal',
  params,
  // Products of [samples × width]·[width × width]: a·W forward in every layer, g·Wᵀ backward in
  // every layer but the first (whose g·Wᵀ would be the gradient for the data). The experiment skips
  // the weight gradients (xᵀ·g) too: nothing in the figure shows them.
  work: {
    estimate: (s) => (2 * s.depth - 1) * s.width * s.width * s.samples,
    max: 4e8,
    unit: 'multiply-adds',
  },
});

export type DepthSignalSpecState = StateOf<typeof params>;
