import type {
  BatchNormRunRequest,
  InitialisationStatus,
  SchemeRunRequest,
} from '../../core/initialisationRuns';

/**
 * The initialisation and batch-norm experiment's questions to the engine. Both jobs train
 * side runs of the person's network in the worker (the person's run is left alone) and are
 * polled, one job at a time.
 */
export interface InitialisationPort {
  startInitialisationRun(request: SchemeRunRequest): Promise<void>;
  startBatchNormComparison(request: BatchNormRunRequest): Promise<void>;
  initialisationStatus(): Promise<InitialisationStatus>;
  cancelInitialisationRun(): Promise<void>;
}
