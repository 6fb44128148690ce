package org.tamebnn.api.training;

/**
 * A MILP trainer's check of what its solver said against a forward pass of the network read off
 * the solution: the activations and the loss recomputed.
 *
 * @param consistent  true when the solver's activations and loss agree with the forward pass
 * @param forwardLoss the training loss the forward pass computes (a fact, whoever found the network)
 * @param describe    one line: what was compared and any disagreement
 */
public record Consistency(boolean consistent, double forwardLoss, String describe) {
}
