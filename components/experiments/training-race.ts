/**
 * Training race: several initializers train the same network on the same data, from the same
 * seeds and with the same minibatches, so the only difference between racers is the scale (and
 * law) of their initial weights. Each racer runs once per seed; its loss curve is the median
 * over seeds with the min–max band. This is the idea of He et al. (2015), Figure 3: a deep ReLU
 * net that trains from He's initialization and stalls from Xavier/Glorot's.
 */
import {
  blobs, circles, createRng, Dense, evaluate, Network, spirals, trainSteps, trainTestSplit, twoMoons, xor,
  type ActivationName, type Dataset, type Divergence, type InitializerName, type Progress, type Rng, type TrainResult,
} from '../../lib/index.ts';
import type { Experiment, Snapshot } from '../runtime/experiment.ts';

/** The 2-D classification sets of lib/datasets.ts a race can use. */
export type RaceDataset = 'moons' | 'circles' | 'spirals' | 'xor' | 'blobs';

/** One race: who races, on what data, through which network, with which SGD settings. */
export type TrainingRaceState = {
  initializers: InitializerName[];
  dataset: RaceDataset;
  /** Hidden layers (the output layer comes on top). */
  depth: number;
  width: number;
  activation: ActivationName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** How many seeds each racer is trained from. */
  seeds: number;
  seed: number;
};

/** One racer trained from one seed: loss per epoch (epoch 0 = untrained), final accuracies. */
export type RaceRun = {
  trainLoss: number[];
  trainAccuracy: number | null;
  testAccuracy: number | null;
  divergence: Divergence | null;
};

/** One initializer and its runs, one per seed (the widget draws their median and min–max band). */
export type Racer = { initializer: InitializerName; runs: RaceRun[] };

/** A race so far (a snapshot) or finished: `epochsDone` of `state.epochs`. */
export type TrainingRaceResult = {
  /** Step count at each recorded epoch (shared by every curve). */
  steps: number[];
  epochsDone: number;
  racers: Racer[];
};

/** Examples generated, and the share held out as the test set. */
export const SAMPLES = 300;
export const TEST_FRACTION = 1 / 3;
export const TRAIN_SIZE = SAMPLES - Math.round(SAMPLES * TEST_FRACTION);

const MAKERS: Record<RaceDataset, (rng: Rng) => Dataset> = {
  moons: (rng) => twoMoons({ n: SAMPLES, rng }),
  circles: (rng) => circles({ n: SAMPLES, rng }),
  spirals: (rng) => spirals({ n: SAMPLES, rng }),
  xor: (rng) => xor({ n: SAMPLES, rng }),
  blobs: (rng) => blobs({ n: SAMPLES, rng }),
};

/** Minibatch steps in one epoch. */
export const stepsPerEpoch = (batchSize: number): number => Math.ceil(TRAIN_SIZE / Math.min(batchSize, TRAIN_SIZE));

/**
 * The per-seed random streams. Seed k gives two seeds: one for the initial weights and one for
 * the minibatch order. Every racer builds fresh generators from the same two numbers, so racers
 * see identical batches, and two racers with the same initializer are identical throughout.
 * (Sharing one generator between weights and shuffling would not do: a normal law consumes a
 * different number of draws than a uniform one, which would shift every later batch.)
 */
export function seedStreams(seed: number, count: number): { data: number; runs: { init: number; order: number }[] } {
  const rng = createRng(seed);
  const draw = () => rng.int(2 ** 31);
  const data = draw();
  return { data, runs: Array.from({ length: count }, () => ({ init: draw(), order: draw() })) };
}

type Live = { racer: number; runs: RaceRun; network: Network; it: Generator<Progress, TrainResult, void>; done: boolean };

function startRun(state: TrainingRaceState, data: { train: Dataset; test: Dataset }, initializer: InitializerName, seeds: { init: number; order: number }) {
  const { depth, width, activation } = state;
  const multi = data.train.kind === 'multiclass';
  const initRng = createRng(seeds.init);
  const features = data.train.x.cols;
  const layers = Array.from({ length: depth }, (_, i) =>
    new Dense({ inputDim: i === 0 ? features : width, units: width, activation, initializer, rng: initRng }));
  // A linear output layer: logits for the cross-entropy (He et al. 2015 also keep the classifier linear).
  layers.push(new Dense({ inputDim: width, units: data.train.y.cols, activation: 'linear', initializer, rng: initRng }));
  const network = new Network(layers, { loss: multi ? 'softmaxCrossEntropy' : 'binaryCrossEntropy' });
  // The test set is scored once, at the end (see `advance`): the curves show the training loss
  // only, and scoring the test set every epoch would add about an eighth to the run.
  const it = trainSteps({
    network, train: data.train, epochs: state.epochs, learningRate: state.learningRate,
    batchSize: Math.min(state.batchSize, TRAIN_SIZE), rng: createRng(seeds.order), yieldEvery: 'epoch',
  });
  return { network, it };
}

/** Advances one run to its next epoch record; marks it done when it ends or diverges. */
function advance(live: Live, test: Dataset, epochs: number): void {
  for (;;) {
    const next = live.it.next();
    if (next.done) return void (live.done = true);
    const event = next.value;
    if (event.type === 'diverged') {
      // No accuracy for a network whose numbers are no longer finite.
      Object.assign(live.runs, { divergence: event.divergence, trainAccuracy: null, testAccuracy: null });
      live.done = true;
      return;
    }
    if (event.type === 'epoch') {
      live.runs.trainLoss.push(event.record.trainLoss);
      live.runs.trainAccuracy = event.record.trainAccuracy;
      if (event.record.epoch === epochs) {
        live.runs.testAccuracy = evaluate(live.network, test, test.kind).accuracy;
        live.done = true;
      }
      return;
    }
  }
}

/** The experiment: every racer × seed advanced one epoch at a time, a snapshot after each epoch. */
export const trainingRace: Experiment<TrainingRaceState, TrainingRaceResult> = {
  name: 'trainingRace',
  *run(state) {
    const streams = seedStreams(state.seed, state.seeds);
    const dataRng = createRng(streams.data);
    const data = trainTestSplit(MAKERS[state.dataset](dataRng), TEST_FRACTION, dataRng);
    const perEpoch = stepsPerEpoch(state.batchSize);
    const lives: Live[] = state.initializers.flatMap((initializer, racer) =>
      streams.runs.map((seeds) => ({
        racer, done: false, ...startRun(state, data, initializer, seeds),
        runs: { trainLoss: [], trainAccuracy: null, testAccuracy: null, divergence: null },
      })));
    const result = (epochsDone: number): TrainingRaceResult => ({
      steps: Array.from({ length: epochsDone + 1 }, (_, e) => e * perEpoch),
      epochsDone,
      racers: state.initializers.map((initializer, r) => ({
        initializer,
        runs: lives.filter((l) => l.racer === r).map((l) => ({ ...l.runs, trainLoss: l.runs.trainLoss.slice() })),
      })),
    });
    // Epoch by epoch, every run in turn, so all curves grow together (the race the reader watches).
    // An epoch of every run can take a few hundred ms: between two runs the race can be paused.
    let last: Snapshot<TrainingRaceResult> | null = null;
    for (let epoch = 0; epoch <= state.epochs; epoch++) {
      for (const [k, live] of lives.entries()) {
        if (last && k > 0) yield { ...last, between: true };
        if (!live.done) advance(live, data.test, state.epochs);
      }
      if (epoch < state.epochs) yield (last = { fraction: epoch / state.epochs, snapshot: result(epoch) });
    }
    return result(state.epochs);
  },
};
