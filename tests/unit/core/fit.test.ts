import { describe, expect, it } from 'vitest';
import { cifar10Recipe } from '../../../datasets/cifar10';
import { fashionMnistRecipe } from '../../../datasets/fashionMnist';
import { mnistRecipe } from '../../../datasets/mnist';
import { CATALOGUE, catalogueEntryOf } from '../../../src/core/catalogue';
import { networkMismatch, weightsMismatch } from '../../../src/core/fit';
import { networkWeightSpecs } from '../../../src/core/weights';

/** The lab's datasets as the build describes them (the manifest copies these fields). */
const DATASETS = [mnistRecipe, fashionMnistRecipe, cifar10Recipe];
const network = (id: string) => {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return entry.network;
};
const written = (shape: readonly number[]) => shape.join('x');

describe('whether a network fits a dataset', () => {
  it('names both shapes and what to do when LeNet-5 meets CIFAR-10', () => {
    expect(networkMismatch(network('lenet5'), cifar10Recipe)).toBe(
      "LeNet-5 expects 28x28x1 images; CIFAR-10's are 32x32x3: pick a 32x32x3 network or change the input.",
    );
  });

  it('holds for every trainable catalogue network exactly on the datasets of its input shape', () => {
    const trainable = CATALOGUE.filter((e) => e.trainable);
    expect(trainable.length).toBeGreaterThan(3);
    for (const entry of trainable) {
      for (const dataset of DATASETS) {
        const sameShape = written(entry.network.input) === written(dataset.imageShape);
        const mismatch = networkMismatch(entry.network, dataset);
        if (sameShape) expect(mismatch, `${entry.id} on ${dataset.id}`).toBeNull();
        else expect(mismatch, `${entry.id} on ${dataset.id}`).toContain(dataset.title);
      }
    }
  });

  it('takes a vector input of as many values, and refuses too few class scores', () => {
    const flat = { name: 'Flat', input: [784], layers: [{ type: 'dense', units: 10 }] };
    expect(networkMismatch(flat, mnistRecipe)).toBeNull();
    expect(networkMismatch(flat, cifar10Recipe)).toContain('Flat expects 784 values');
    const five = {
      name: 'Five',
      input: [28, 28, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 5 }],
    };
    expect(networkMismatch(five, mnistRecipe)).toBe(
      'Five ends in 5 class scores but MNIST has 10 classes: give the last dense layer 10 units or pick another dataset.',
    );
  });
});

describe('whether stored weights fit a network', () => {
  const identities = (id: string) =>
    (networkWeightSpecs(network(id)) ?? []).flatMap((l) =>
      l.weights.map((w) => ({ name: l.name, role: w.role, shape: w.shape })),
    );

  it('accepts a network’s own weights and refuses another’s, naming the first misfit', () => {
    expect(weightsMismatch(network('lenet5'), identities('lenet5'))).toBeNull();
    const refusal = weightsMismatch(network('lenet5'), identities('vgg-mini-32'));
    expect(refusal).toMatch(
      /^layer \S+'s \w+ is [\d×]+ here but [\d×]+ in the file\.$|^there is no/,
    );
  });

  it('refuses weights with one missing', () => {
    const all = identities('lenet5');
    expect(weightsMismatch(network('lenet5'), all.slice(1))).toMatch(
      /^there is no kernel for layer/,
    );
  });
});
