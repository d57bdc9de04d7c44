/** The slice of convnetjs 0.3.0 (no bundled types) that the bench uses. */
declare module 'convnetjs' {
  namespace convnetjs {
    class Vol {
      constructor(values: number[]);
      constructor(sx: number, sy: number, depth: number, fill?: number);
      w: Float64Array;
    }
    interface LayerDef {
      type: 'input' | 'fc' | 'softmax' | 'regression' | 'svm';
      out_sx?: number;
      out_sy?: number;
      out_depth?: number;
      num_neurons?: number;
      num_classes?: number;
      activation?: 'relu' | 'sigmoid' | 'tanh' | 'maxout';
    }
    class Net {
      makeLayers(defs: LayerDef[]): void;
      forward(input: Vol, isTraining?: boolean): Vol;
    }
    interface TrainerOptions {
      method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad';
      learning_rate?: number;
      batch_size?: number;
      momentum?: number;
      l1_decay?: number;
      l2_decay?: number;
    }
    class Trainer {
      constructor(net: Net, options?: TrainerOptions);
      /** Samples trained so far; weights are updated every batch_size of them. */
      k: number;
      train(input: Vol, label: number): { cost_loss: number };
    }
  }
  export = convnetjs;
}
