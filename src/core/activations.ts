/** The activation functions a layer may apply, in the order the lab lists them. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'leakyrelu',
  'elu',
  'sigmoid',
  'tanh',
  'softplus',
  'softmax',
] as const;

export type Activation = (typeof ACTIVATIONS)[number];

/** True when `name` is one of the lab's activation functions. */
export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}
