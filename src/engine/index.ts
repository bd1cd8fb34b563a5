/**
 * The engine's public API: everything the worker needs. All TensorFlow.js code lives
 * behind it; what it returns is plain data (typed arrays with shapes, numbers, strings).
 */
export {
  BACKEND_ORDER,
  WASM_FILES,
  backendCandidates,
  chooseBackend,
  fallBackFrom,
  isBackendName,
  type BackendAttempt,
  type BackendSelection,
  type BackendName,
  type BackendOptions,
} from './backend';
export { registerConv2DBackpropFilter } from './convBackpropFilter';
export {
  EARLY_STOPPING_START,
  updateEarlyStopping,
  type EarlyStoppingOptions,
  type EarlyStoppingState,
} from './earlyStopping';
export { inspectSample, type Inspection, type InspectOptions } from './inspect';
export {
  MAX_TRAINABLE_PARAMS,
  ModelError,
  countModelWeights,
  createModel,
  type Model,
  type ModelOptions,
} from './model';
export {
  createOptimizer,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerName,
} from './optimizers';
export { readWeights, writeWeights } from './records';
export { topActivations, unitInputGradient } from './probeUnits';
export { gradientCheck, type WeightCheck } from './gradientCheck';
export { START, createBatchSchedule, type SchedulePosition } from './schedule';
export {
  createSession,
  type SessionOptions,
  type SessionSnapshot,
  type SessionStep,
  type TrainingConfig,
  type TrainingSession,
} from './session';
export {
  classCountOf,
  evaluate,
  predictBatch,
  trainStep,
  type BatchInput,
  type Evaluation,
  type StepResult,
} from './train';
