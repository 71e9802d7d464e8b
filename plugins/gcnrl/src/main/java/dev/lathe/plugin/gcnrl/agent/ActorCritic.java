package dev.lathe.plugin.gcnrl.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * The actor and the critic of the agent, both graph-convolutional with weights shared by all
 * vertices. The actor maps vertex features to one action row per vertex: two graph
 * convolutions (ReLU), then a per-vertex dense layer (tanh). The critic maps vertex features
 * with the actions appended to a value: two graph convolutions (ReLU), a mean over the
 * vertices, then a dense layer. Over a one-vertex graph both are plain MLPs, which is the
 * agent's MLP variant. Sizes do not depend on the number of vertices, so the weights of one
 * circuit fit another: that is what makes transfer across topologies possible.
 */
final class ActorCritic {

  static final double[][] ONE = {{1}};

  final int features;
  final int actionWidth;
  final int hidden;
  private final GraphLayer actor1;
  private final GraphLayer actor2;
  private final GraphLayer actorOut;
  private final GraphLayer critic1;
  private final GraphLayer critic2;
  private final GraphLayer criticOut;

  ActorCritic(int features, int actionWidth, int hidden, RandomGenerator random) {
    this.features = features;
    this.actionWidth = actionWidth;
    this.hidden = hidden;
    actor1 = new GraphLayer(features, hidden, random);
    actor2 = new GraphLayer(hidden, hidden, random);
    actorOut = new GraphLayer(hidden, actionWidth, random);
    for (int i = 0; i < actorOut.weights.length; i++) {
      actorOut.weights[i] *= 0.1;
    }
    critic1 = new GraphLayer(features + actionWidth, hidden, random);
    critic2 = new GraphLayer(hidden, hidden, random);
    criticOut = new GraphLayer(hidden, 1, random);
  }

  /** The intermediate values of one actor pass, kept for its backward pass. */
  record ActorPass(double[][] z1, double[][] h1, double[][] z2, double[][] h2, double[][] action) {}

  /** The intermediate values of one critic pass. */
  record CriticPass(double[][] z1, double[][] g1, double[][] z2, double[][] g2, double[][] pooled,
      double value) {}

  ActorPass actor(double[][] adjacency, double[][] x) {
    double[][] z1 = GraphLayer.aggregate(adjacency, x);
    double[][] h1 = relu(actor1.forward(z1));
    double[][] z2 = GraphLayer.aggregate(adjacency, h1);
    double[][] h2 = relu(actor2.forward(z2));
    double[][] a = actorOut.forward(h2);
    for (double[] row : a) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Math.tanh(row[k]);
      }
    }
    return new ActorPass(z1, h1, z2, h2, a);
  }

  CriticPass critic(double[][] adjacency, double[][] x, double[][] action) {
    int n = x.length;
    double[][] input = new double[n][features + actionWidth];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, input[i], 0, features);
      System.arraycopy(action[i], 0, input[i], features, actionWidth);
    }
    double[][] z1 = GraphLayer.aggregate(adjacency, input);
    double[][] g1 = relu(critic1.forward(z1));
    double[][] z2 = GraphLayer.aggregate(adjacency, g1);
    double[][] g2 = relu(critic2.forward(z2));
    double[][] pooled = new double[1][hidden];
    for (double[] row : g2) {
      for (int k = 0; k < hidden; k++) {
        pooled[0][k] += row[k] / n;
      }
    }
    return new CriticPass(z1, g1, z2, g2, pooled, criticOut.forward(pooled)[0][0]);
  }

  /**
   * Backpropagates {@code dValue} through the critic; accumulates the critic's gradients when
   * {@code train}; returns the gradient with respect to the actions.
   */
  double[][] criticBackward(double[][] adjacency, CriticPass pass, double dValue, boolean train) {
    int n = pass.g2().length;
    double[][] dPooled = criticOut.backward(ONE, pass.pooled(), new double[][] {{dValue}}, train);
    double[][] dg2 = new double[n][hidden];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < hidden; k++) {
        dg2[i][k] = pass.g2()[i][k] > 0 ? dPooled[0][k] / n : 0;
      }
    }
    double[][] dg1 = critic2.backward(adjacency, pass.z2(), dg2, train);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < hidden; k++) {
        if (pass.g1()[i][k] <= 0) {
          dg1[i][k] = 0;
        }
      }
    }
    double[][] dInput = critic1.backward(adjacency, pass.z1(), dg1, train);
    double[][] dAction = new double[n][actionWidth];
    for (int i = 0; i < n; i++) {
      System.arraycopy(dInput[i], features, dAction[i], 0, actionWidth);
    }
    return dAction;
  }

  /** Backpropagates the action gradient {@code dAction} through the actor, accumulating. */
  void actorBackward(double[][] adjacency, ActorPass pass, double[][] dAction) {
    int n = pass.action().length;
    double[][] dPre = new double[n][actionWidth];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < actionWidth; k++) {
        double a = pass.action()[i][k];
        dPre[i][k] = dAction[i][k] * (1 - a * a);
      }
    }
    double[][] dh2 = actorOut.backward(identity(n), pass.h2(), dPre, true);
    mask(dh2, pass.h2());
    double[][] dh1 = actor2.backward(adjacency, pass.z2(), dh2, true);
    mask(dh1, pass.h1());
    actor1.backward(adjacency, pass.z1(), dh1, true);
  }

  void stepCritic(double rate, int samples) {
    critic1.step(rate, samples);
    critic2.step(rate, samples);
    criticOut.step(rate, samples);
  }

  void stepActor(double rate, int samples) {
    actor1.step(rate, samples);
    actor2.step(rate, samples);
    actorOut.step(rate, samples);
  }

  void write(DataOutputStream out, boolean withOptimizerState) throws IOException {
    for (GraphLayer l : layers()) {
      l.write(out, withOptimizerState);
    }
  }

  void read(DataInputStream in, boolean withOptimizerState) throws IOException {
    for (GraphLayer l : layers()) {
      l.read(in, withOptimizerState);
    }
  }

  private GraphLayer[] layers() {
    return new GraphLayer[] {actor1, actor2, actorOut, critic1, critic2, criticOut};
  }

  /** The symmetric normalisation {@code D^-1/2 (A + I) D^-1/2} of an adjacency. */
  static double[][] normalise(boolean[][] adjacency) {
    int n = adjacency.length;
    double[] degree = new double[n];
    for (int i = 0; i < n; i++) {
      degree[i] = 1;
      for (int j = 0; j < n; j++) {
        if (i != j && adjacency[i][j]) {
          degree[i]++;
        }
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j || adjacency[i][j]) {
          a[i][j] = 1 / Math.sqrt(degree[i] * degree[j]);
        }
      }
    }
    return a;
  }

  static double[][] identity(int n) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
    }
    return a;
  }

  private static double[][] relu(double[][] x) {
    for (double[] row : x) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Math.max(0, row[k]);
      }
    }
    return x;
  }

  private static void mask(double[][] gradient, double[][] activation) {
    for (int i = 0; i < gradient.length; i++) {
      for (int k = 0; k < gradient[i].length; k++) {
        if (activation[i][k] <= 0) {
          gradient[i][k] = 0;
        }
      }
    }
  }
}
