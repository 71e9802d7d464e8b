package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What one update did.
 *
 * @param step the number of updates made so far, this one included (1 after the first)
 * @param epoch the epoch the batch belongs to, from 0
 * @param batch the batch's index within its epoch, from 0
 * @param examples the batch's number of examples
 * @param loss the loss on the batch before the update
 * @param learningRate the learning rate of the update
 * @param gradientNorm the global L2 norm of all gradients, before clipping
 * @param clipped whether the gradients were scaled down to the configured norm
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StepReport(long step, int epoch, int batch, int examples, double loss,
    double learningRate, double gradientNorm, boolean clipped) {}
