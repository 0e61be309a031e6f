/**
 * Parameter specs of every widget, by tag name: small, loaded eagerly with the widget element
 * so URL state is read and controls are wired before anything heavy loads.
 */
import type { ParamSpec, WidgetSpec } from '../runtime/params-types.ts';
import { decisionBoundarySpec } from './decision-boundary/spec.ts';
import { depthSignalSpec } from './depth-signal/spec.ts';
import { recipesSpec } from './recipes/spec.ts';
import { trainingRaceSpec } from './training-race/spec.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SPECS: Record<string, WidgetSpec<Record<string, ParamSpec>>> = {
  DecisionBoundary: decisionBoundarySpec as any,
  DepthSignal: depthSignalSpec as any,
  InitRecipes: recipesSpec as any,
  TrainingRace: trainingRaceSpec as any,
};
