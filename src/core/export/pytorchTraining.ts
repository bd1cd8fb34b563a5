/**
 * The PyTorch script's helpers and its main program: seeds, data, the lab's initialisation,
 * the checkpoint loader (HWIO → OIHW kernels, in × out → out × in dense kernels, batch-norm
 * statistics), the lab's optimiser with decay on the kernels only, the training loop with
 * validation each epoch, and the test evaluation.
 */
import { pyLiteral, pythonName, type ExportGraph } from './graph';
import { OPTIMIZER_CONSTANTS, type ExportSetup } from './setup';

/** Helpers the module's forward pass may call, by name; a script carries the ones it uses. */
export const MODULE_HELPERS_PY: Readonly<Record<string, string>> = {
  flatten_hwc: `def flatten_hwc(x):
    """Flattens N×C×H×W in the lab's order (height, width, channel) so its dense kernels load as they are."""
    return x.permute(0, 2, 3, 1).flatten(1)
`,
  avg_pool_real_cells: `def avg_pool_real_cells(x, size, stride, pad):
    """Average pooling over padded windows, dividing by the real cells as the lab does."""
    total = F.avg_pool2d(F.pad(x, pad), size, stride)
    cells = F.avg_pool2d(F.pad(torch.ones_like(x[:, :1]), pad), size, stride)
    return total / cells
`,
};

const OPTIMIZER_PY: Readonly<Record<ExportSetup['optimizer'], (lr: number) => string>> = {
  sgd: (lr) => `optim.SGD(model.parameters(), lr=${lr})`,
  // v ← μv + g, w ← w − ηv: PyTorch's SGD with momentum and no dampening.
  momentum: (lr) =>
    `optim.SGD(model.parameters(), lr=${lr}, momentum=${OPTIMIZER_CONSTANTS.momentum})`,
  adam: (lr) =>
    `optim.Adam(model.parameters(), lr=${lr}, betas=(${OPTIMIZER_CONSTANTS.beta1}, ${OPTIMIZER_CONSTANTS.beta2}), eps=${OPTIMIZER_CONSTANTS.epsilon})`,
};

/** The lab's initialisation schemes (core/initialisation.ts) on a kernel `w`; biases start at 0. */
const INIT_PY: Readonly<Record<ExportSetup['init'], string>> = {
  zeros: 'nn.init.zeros_(w)',
  small: 'nn.init.normal_(w, 0.0, 0.01)',
  large: 'nn.init.normal_(w, 0.0, 1.0)',
  glorot: 'nn.init.xavier_uniform_(w)',
  he: "nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='relu')",
};

export function pytorchTrainingCode(graph: ExportGraph, setup: ExportSetup): string {
  const softmaxInLoss = graph.layers.at(-1)?.softmaxInLoss ?? false;
  const aug = setup.augmentation;
  const augmenting =
    aug.flip ||
    aug.shift > 0 ||
    aug.rotation > 0 ||
    aug.scale > 0 ||
    aug.brightness > 0 ||
    aug.noise > 0;
  const names = graph.layers.map((l) => `    ${pyLiteral(l.name)}: model.${pythonName(l.name)},`);
  return `import torch.optim as optim

SETTINGS = {
    'dataset': ${pyLiteral(setup.dataset.id)},
    'optimizer': ${pyLiteral(setup.optimizer)},
    'learning_rate': ${setup.learningRate},
    'batch_size': ${setup.batchSize},
    'epochs': ${setup.epochs},
    'seed': ${setup.seed},
    'l1': ${setup.l1},
    'l2': ${setup.l2},
    'validation_split': ${setup.validationSplit},
    'normalisation': ${pyLiteral(setup.normalisation)},
    'mean': ${setup.stats ? `[${setup.stats.mean.join(', ')}]` : 'None'},
    'std': ${setup.stats ? `[${setup.stats.std.join(', ')}]` : 'None'},
    'augmentation': {${Object.entries(aug)
      .map(([k, v]) => `'${k}': ${pyLiteral(v)}`)
      .join(', ')}},
}


def modules_by_name(model):
    """The lab's layer names, for the checkpoint's weights."""
    return {
${names.filter((_, i) => ['conv2d', 'dense', 'maxout', 'batchnorm'].includes(graph.layers[i]?.type ?? '')).join('\n') || '    '}
    }


def init_weights(model):
    """The lab's '${setup.init}' initialisation on every kernel; biases, beta and statistics start at 0, gamma at 1."""
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            w = m.weight
            ${INIT_PY[setup.init]}
            if m.bias is not None:
                nn.init.zeros_(m.bias)


def load_checkpoint(model, path):
    """Loads the lab's checkpoint: kernels HWIO → OIHW (conv), in×out → out×in (dense), float16 or float32."""
    with open(path) as f:
        checkpoint = json.load(f)
    if checkpoint.get('format') != 'cnn-lab-checkpoint':
        raise SystemExit(f'{path} is not a CNN Lab checkpoint')
    modules = modules_by_name(model)
    for entry in checkpoint['weights']:
        dtype = {'float16': torch.float16, 'float32': torch.float32}[entry['dtype']]
        data = torch.frombuffer(bytearray(base64.b64decode(entry['data'])), dtype=dtype).float()
        value = data.reshape(entry['shape'])
        m = modules[entry['name']]
        role = entry['role']
        if role == 'kernel':
            value = value.permute(3, 2, 0, 1) if value.dim() == 4 else value.t()
            target = m.weight
        else:
            target = {'bias': m.bias, 'gamma': getattr(m, 'weight', None), 'beta': getattr(m, 'bias', None),
                      'movingMean': getattr(m, 'running_mean', None),
                      'movingVariance': getattr(m, 'running_var', None)}[role]
        if target is None or tuple(target.shape) != tuple(value.shape):
            raise SystemExit(f"{path}: {entry['name']} {role} has shape {list(value.shape)}, the model wants {list(target.shape) if target is not None else 'none'}")
        with torch.no_grad():
            target.copy_(value.contiguous())
    return checkpoint


def decay(model):
    """The lab's weight decay on the kernels only: λ₁ Σ|w| + (λ₂/2) Σ w²."""
    penalty = torch.zeros(())
    for m in model.modules():
        # A frozen layer (requires_grad False) is not decayed, as in the lab.
        if isinstance(m, (nn.Conv2d, nn.Linear)) and m.weight.requires_grad:
            if SETTINGS['l1']:
                penalty = penalty + SETTINGS['l1'] * m.weight.abs().sum()
            if SETTINGS['l2']:
                penalty = penalty + SETTINGS['l2'] / 2 * m.weight.pow(2).sum()
    return penalty


def to_tensor(images):
    """N×H×W×C NumPy images to an N×C×H×W tensor."""
    return torch.from_numpy(np.ascontiguousarray(images.transpose(0, 3, 1, 2)))


def loss_of(outputs, labels):
    # ${softmaxInLoss ? "The last layer's softmax is in the loss (log-softmax), as in the lab." : 'The last layer has no softmax; its outputs are the logits, as in the lab.'}
    return F.cross_entropy(outputs, labels)


def evaluate(model, images, labels, prep, batch=500):
    """Mean loss, accuracy and the predicted class of every image."""
    model.eval()
    total, predictions = 0.0, []
    with torch.no_grad():
        for i in range(0, len(labels), batch):
            x = to_tensor(prep(images[i:i + batch]))
            y = torch.from_numpy(labels[i:i + batch])
            out = model(x)
            total += float(loss_of(out, y)) * len(y)
            predictions.append(out.argmax(dim=1))
    predicted = torch.cat(predictions).numpy() if predictions else np.zeros(0, dtype=np.int64)
    return total / max(1, len(labels)), float((predicted == labels).mean()) if len(labels) else 0.0, predicted


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--data', default=os.path.join('public', 'data'), help="the lab's data folder")
    parser.add_argument('--checkpoint', default=${setup.checkpointFile ? `${pyLiteral(setup.checkpointFile)}` : 'None'}, help="a CNN Lab checkpoint to load")
    parser.add_argument('--train', action='store_true', help='train even when a checkpoint is given')
    parser.add_argument('--predictions', help='write the test predictions as JSON here')
    parser.add_argument('--outputs', help='write the class probabilities of the first 32 test images as JSON here')
    args = parser.parse_args()

    torch.manual_seed(SETTINGS['seed'])
    rng = np.random.default_rng(SETTINGS['seed'])
    name = SETTINGS['dataset']
    train_images, train_labels, _ = read_cnnlab(os.path.join(args.data, f'{name}-train.cnnlab'))
    test_images, test_labels, _ = read_cnnlab(os.path.join(args.data, f'{name}-test.cnnlab'))
    (train_images, train_labels), (val_images, val_labels) = split_validation(
        train_images, train_labels, SETTINGS['validation_split'], SETTINGS['seed'])
    mean, std = SETTINGS['mean'], SETTINGS['std']
    if mean is None:
        mean, std = channel_stats(train_images)
    mean_image = train_images.mean(axis=0)
    prep = lambda images: normalise(images, SETTINGS['normalisation'], mean, std, mean_image)

    model = LabNet()
    init_weights(model)
    checkpoint = load_checkpoint(model, args.checkpoint) if args.checkpoint else None
    if checkpoint is None or args.train:
        optimizer = ${OPTIMIZER_PY[setup.optimizer](setup.learningRate)}
        batch = SETTINGS['batch_size']
        for epoch in range(1, SETTINGS['epochs'] + 1):
            model.train()
            order = rng.permutation(len(train_labels))
            for i in range(0, len(order), batch):
                picked = order[i:i + batch]
                images = ${augmenting ? "augment(train_images[picked], SETTINGS['augmentation'], rng)" : 'train_images[picked]'}
                x, y = to_tensor(prep(images)), torch.from_numpy(train_labels[picked])
                optimizer.zero_grad()
                loss = loss_of(model(x), y) + decay(model)
                loss.backward()
                optimizer.step()
            val_loss, val_accuracy, _ = evaluate(model, val_images, val_labels, prep)
            print(f'epoch {epoch}: training loss {float(loss):.4f}, validation loss {val_loss:.4f}, accuracy {val_accuracy:.2%}')
        torch.save(model.state_dict(), 'labnet.pt')

    test_loss, test_accuracy, predicted = evaluate(model, test_images, test_labels, prep)
    correct = int((predicted == test_labels).sum())
    print(f'test: loss {test_loss:.4f}, accuracy {test_accuracy:.2%} ({correct} of {len(test_labels)} images)')
    if args.outputs:
        model.eval()
        with torch.no_grad():
            # The lab's class probabilities: the softmax of the logits.
            out = F.softmax(model(to_tensor(prep(test_images[:32]))), dim=1)
        with open(args.outputs, 'w') as f:
            json.dump(out.reshape(len(out), -1).tolist(), f)
    if args.predictions:
        with open(args.predictions, 'w') as f:
            json.dump({'correct': correct, 'count': int(len(test_labels)), 'predictions': predicted.tolist()}, f)


if __name__ == '__main__':
    main()
`;
}
