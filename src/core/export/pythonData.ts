/**
 * The data part of an exported script, shared by the PyTorch and Keras exports: it reads the
 * lab's packed files (the format data/packed.ts documents), holds out the validation share,
 * normalises as the lab does, and augments training batches. NumPy only (both frameworks
 * ship with it), images as N × H × W × C floats in 0..1 until `normalise`.
 */
import { MIN_STD } from './setup';

export const PYTHON_DATA_CODE = `def read_cnnlab(path):
    """The lab's packed split: 'CNNL', version 1, N, H, W, C, classes, 0 (uint32 LE), labels, HWC pixels."""
    with open(path, 'rb') as f:
        raw = f.read()
    if raw[:2] == b'\\x1f\\x8b':
        raw = gzip.decompress(raw)
    if raw[:4] != b'CNNL':
        raise SystemExit(f'{path} is not a CNN Lab data file; run npm run datasets in the lab')
    version, n, h, w, c, classes, _ = struct.unpack('<7I', raw[4:32])
    if version != 1:
        raise SystemExit(f'{path} has format version {version}; this script reads version 1')
    labels = np.frombuffer(raw, dtype=np.uint8, count=n, offset=32).astype(np.int64)
    pixels = np.frombuffer(raw, dtype=np.uint8, count=n * h * w * c, offset=32 + n)
    return pixels.reshape(n, h, w, c).astype(np.float32) / 255.0, labels, classes


def split_validation(images, labels, share, seed):
    """Holds out share of the training split at random (the lab's own draw differs image by image)."""
    order = np.random.default_rng(seed).permutation(len(labels))
    held = int(round(len(labels) * share))
    return (images[order[held:]], labels[order[held:]]), (images[order[:held]], labels[order[:held]])


def channel_stats(images):
    """Per-channel mean and population standard deviation, in 0..1 units."""
    return images.mean(axis=(0, 1, 2)), images.std(axis=(0, 1, 2))


def normalise(images, mode, mean, std, mean_image):
    """The lab's normalisations (data/normalise.ts); images are in 0..1."""
    if mode == 'none':
        return images * 255.0
    if mode == 'scale':
        return images
    if mode == 'mean-image':
        return images - mean_image
    if mode == 'channel-mean':
        return images - np.asarray(mean, dtype=np.float32)
    if mode == 'standardise':
        return (images - np.asarray(mean, dtype=np.float32)) / np.maximum(np.asarray(std, dtype=np.float32), ${MIN_STD})
    raise SystemExit(f'unknown normalisation {mode}')


def augment(batch, aug, rng):
    """The lab's augmentations on an N×H×W×C batch in 0..1, each image drawn on its own
    (nearest pixel here; the lab interpolates bilinearly, and its random draws differ)."""
    out = batch.copy()
    n, h, w, _ = out.shape
    for i in range(n):
        img = out[i]
        if aug['flip'] and rng.random() < 0.5:
            img = img[:, ::-1]
        if aug['rotation'] or aug['scale'] or aug['shift']:
            s = int(aug['shift'])
            dx, dy = (rng.integers(-s, s + 1), rng.integers(-s, s + 1)) if s else (0, 0)
            angle = math.radians(rng.uniform(-aug['rotation'], aug['rotation']))
            zoom = rng.uniform(1 - aug['scale'], 1 + aug['scale'])
            ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
            cy, cx = (h - 1) / 2, (w - 1) / 2
            # Where each output pixel comes from: undo the shift, the rotation and the zoom.
            u, v = xs - cx - dx, ys - cy - dy
            src_x = (math.cos(angle) * u - math.sin(angle) * v) / zoom + cx
            src_y = (math.sin(angle) * u + math.cos(angle) * v) / zoom + cy
            xi, yi = np.rint(src_x).astype(int), np.rint(src_y).astype(int)
            inside = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
            moved = np.zeros_like(img)
            moved[inside] = img[yi[inside], xi[inside]]
            img = moved
        if aug['brightness']:
            img = img + rng.uniform(-aug['brightness'], aug['brightness'])
        if aug['noise']:
            img = img + rng.normal(0, aug['noise'], img.shape).astype(np.float32)
        out[i] = np.clip(img, 0.0, 1.0)
    return out
`;
