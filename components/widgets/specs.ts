/**
 * Parameter specs of every widget, by tag name: small, loaded eagerly with the widget element
 * so URL state is read and controls are wired before anything heavy loads.
 */
import type { ParamSpec, WidgetSpec } from '../runtime/params-types.ts';
import { depthSignalSpec } from './depth-signal/spec.ts';
import { trainingRaceSpec } from './training-race/spec.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SPECS: Record<string, WidgetSpec<Record<string, ParamSpec>>> = {
  DepthSignal: depthSignalSpec as any,
  TrainingRace: trainingRaceSpec as any,
};
