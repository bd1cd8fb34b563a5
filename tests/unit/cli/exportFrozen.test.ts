import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { pytorchModule } from '../../../src/core/export/pytorch';
import type { NetworkDocument } from '../../../src/core/network';

/**
 * The exported PyTorch module run in the real framework (Debian's python3-torch, as in
 * exportTorch.test.ts): after Adam steps in training mode, a frozen conv's weights and a
 * frozen batch norm's γ, β and running statistics are unchanged, and the head has moved.
 */
const PYTHON = process.env.CNN_LAB_PYTHON ?? '/usr/bin/python3';

const NETWORK: NetworkDocument = {
  input: [12, 12, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu', frozen: true },
    { type: 'batchnorm', frozen: true },
    { type: 'flatten' },
    { type: 'dense', units: 5 },
  ],
};

const CHECK = `
import torch, torch.nn as nn, torch.nn.functional as F
${pytorchModule(NETWORK)}
torch.manual_seed(0)
model = LabNet()
model.train()
frozen = [model.conv2d_1.weight, model.conv2d_1.bias, model.batchnorm_1.weight, model.batchnorm_1.bias,
          model.batchnorm_1.running_mean, model.batchnorm_1.running_var]
head = [model.dense_1.weight, model.dense_1.bias]
before = [t.detach().clone() for t in frozen + head]
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for _ in range(5):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(torch.randn(8, 1, 12, 12)), torch.randint(0, 5, (8,)))
    loss.backward()
    optimizer.step()
after = frozen + head
print(' '.join(f'{(a - b).abs().max().item():.6g}' for a, b in zip(after, before)))
`;

describe('a frozen layer in the PyTorch export', () => {
  test('keeps its weights and statistics through training; the head trains', () => {
    const run = spawnSync(PYTHON, ['-c', CHECK], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const changes = run.stdout.trim().split(' ').map(Number);
    expect(changes).toHaveLength(8);
    expect(changes.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    for (const change of changes.slice(6)) expect(change).toBeGreaterThan(1e-3);
  });
});
