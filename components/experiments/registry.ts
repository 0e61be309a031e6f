/**
 * Every experiment a widget can ask the worker for, by name. Loaded on demand, so the worker
 * only parses the engine code an experiment needs.
 */
import type { Experiment } from '../runtime/experiment.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyExperiment = Experiment<any, any>;

export const EXPERIMENTS: Record<string, () => Promise<AnyExperiment>> = {
  decisionBoundary: () => import('./decision-boundary.ts').then((m) => m.decisionBoundary),
  depthSignal: () => import('./depth-signal.ts').then((m) => m.depthSignal),
  recipes: () => import('./recipes.ts').then((m) => m.recipes),
  trainingRace: () => import('./training-race.ts').then((m) => m.trainingRace),
};
