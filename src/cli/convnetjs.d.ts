/** The parts of convnetjs 0.3.0 (plain JS, CommonJS, no types of its own) the benchmark uses. */
declare module 'convnetjs' {
  // CommonJS: module.exports is the library object, so `import convnetjs from 'convnetjs'`.
  namespace convnetjs {
    /** A volume: sx × sy × depth numbers, `w` the values, `dw` their gradients. */
    export class Vol {
      constructor(sx: number, sy: number, depth: number, fill?: number);
      sx: number;
      sy: number;
      depth: number;
      w: Float64Array;
      dw: Float64Array;
    }
    /** A layer as `makeLayers` takes it; the fields each type reads (ConvNetJS's own names). */
    export interface LayerDef {
      type: 'input' | 'conv' | 'pool' | 'fc' | 'softmax' | 'relu';
      out_sx?: number;
      out_sy?: number;
      out_depth?: number;
      sx?: number;
      filters?: number;
      stride?: number;
      pad?: number;
      num_neurons?: number;
      num_classes?: number;
      activation?: 'relu' | 'sigmoid' | 'tanh';
    }
    /** One layer's parameters and their gradients (weights and biases are separate entries). */
    export interface ParamsAndGrads {
      params: Float64Array;
      grads: Float64Array;
    }
    export interface Layer {
      layer_type: string;
      out_sx: number;
      out_sy: number;
      out_depth: number;
      getParamsAndGrads(): ParamsAndGrads[];
    }
    export class Net {
      layers: Layer[];
      makeLayers(defs: LayerDef[]): void;
      forward(v: Vol, isTraining?: boolean): Vol;
      getParamsAndGrads(): ParamsAndGrads[];
    }
    export interface TrainerOptions {
      method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad';
      learning_rate?: number;
      batch_size?: number;
      momentum?: number;
      l2_decay?: number;
    }
    export interface TrainResult {
      loss: number;
      cost_loss: number;
    }
    export class Trainer {
      constructor(net: Net, options?: TrainerOptions);
      /** One sample forward and back; the weights change every `batch_size` calls. */
      train(x: Vol, label: number): TrainResult;
    }
  }
  export = convnetjs;
}
