import type { TransferRequest, TransferStatus } from '../../core/transfer';

/**
 * The transfer experiment's questions to the engine. Its two runs are side sessions of its
 * own (LeNet-5 with the lab's MNIST weights, fine-tuned, and the same network from scratch),
 * so the person's run is never touched.
 */
export interface TransferPort {
  /** Reads the pretrained weights and starts both runs (poll the status). */
  startTransfer(request: TransferRequest): Promise<void>;
  transferStatus(): Promise<TransferStatus>;
  cancelTransfer(): Promise<void>;
}
