package dev.lathe.plugin.gcnrl.agent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.DimensionGraph;
import dev.lathe.api.space.SearchSpace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * The GCN-RL agent (Wang et al., DAC 2020): DDPG whose actor and critic are graph-convolutional
 * networks over the space's graph ({@link SearchSpace#structure()}), or MLPs over a constant state when
 * the space has no graph or the settings ask for it (within one task the state never changes;
 * the graph agent's vertex features matter for transfer, which the MLP cannot do across
 * topologies).
 *
 * <p>Each candidate is one step of a one-step episode: the actor maps the vertex features
 * (device type, position, technology) to one action row per vertex in [−1, 1], each vertex's
 * owned dimensions take their coordinate {@code (a + 1)/2} of the unit cube, and devices that
 * own no dimension (matched ones) follow their leader (the refine step, done by the space).
 * The first {@code warmup} candidates are uniform; later ones add truncated-normal noise (±2σ)
 * whose σ decays geometrically. The reward is the negated loss of the first objective, minus
 * {@code 1 + violation} for an infeasible outcome; a failed trial gets the worst successful
 * reward so far minus one. The critic regresses the reward minus a baseline (the mean reward so far), scaled
 * by the rewards' standard deviation, from the replay buffer, with ten times the usual updates
 * when the warm-up ends; the actor follows the critic's gradient.
 *
 * <p>Everything random is drawn from generators seeded by the seed and a counter, so the whole
 * state (networks, Adam moments, replay buffer, counters) is the checkpoint, and the same seed
 * with the same tells gives the same candidates.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Ddpg implements Optimizer {

  /** The id of the GCN-RL optimizer. */
  public static final String ID = "gcnrl";

  private static final byte STATE_FORMAT = 1;
  private static final byte AGENT_FORMAT = 1;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  /** How many times the usual number of updates run when the warm-up ends. */
  private static final int WARMUP_ROUNDS = 10;

  private final SearchSpace space;
  private final Problem problem;
  private final DdpgSettings settings;
  private final double[][] adjacency;
  private final double[][] features;
  private final int[] dimensionVertex;
  private final int[] dimensionColumn;
  /** Which action entries belong to a dimension; the others are 0 in the replay buffer. */
  private final double[][] owned;
  private final Map<String, Integer> dimensionIndex = new HashMap<>();
  private long seed;
  private ActorCritic networks;
  private final List<double[]> actions = new ArrayList<>();
  private final List<Double> rewards = new ArrayList<>();
  private double worstSuccess = Double.POSITIVE_INFINITY;
  private long asked;
  private long updates;
  private int warmup;

  /**
   * An agent for {@code problem}.
   *
   * @throws IllegalArgumentException if the problem has several objectives, or the graph of a
   *     graph-structured space does not own every dimension exactly once
   */
  public Ddpg(Problem problem, DdpgSettings settings, long seed) {
    if (problem.multiObjective()) {
      throw new IllegalArgumentException("optimizer '" + ID + "' handles one objective, got "
          + problem.objectives());
    }
    this.problem = problem;
    this.space = problem.space();
    this.settings = settings;
    this.seed = seed;
    this.warmup = settings.warmup();
    List<Dimension> dims = space.dimensions();
    for (int i = 0; i < dims.size(); i++) {
      dimensionIndex.put(dims.get(i).name(), i);
    }
    dimensionVertex = new int[dims.size()];
    dimensionColumn = new int[dims.size()];
    int actionWidth;
    Optional<DimensionGraph> structure = settings.graph() ? space.structure() : Optional.empty();
    if (structure.isPresent()) {
      DimensionGraph graph = structure.get();
      adjacency = ActorCritic.normalise(graph.adjacency());
      features = new double[graph.vertices().size()][];
      java.util.Arrays.fill(dimensionVertex, -1);
      actionWidth = 0;
      for (int v = 0; v < features.length; v++) {
        DimensionGraph.Vertex vertex = graph.vertices().get(v);
        features[v] = vertex.features();
        actionWidth = Math.max(actionWidth, vertex.dimensions().size());
        for (int k = 0; k < vertex.dimensions().size(); k++) {
          Integer d = dimensionIndex.get(vertex.dimensions().get(k));
          if (d == null || dimensionVertex[d] != -1) {
            throw new IllegalArgumentException("space '" + space.id() + "': graph vertex "
                + vertex.name() + " owns '" + vertex.dimensions().get(k)
                + "', which is not a dimension or is owned twice");
          }
          dimensionVertex[d] = v;
          dimensionColumn[d] = k;
        }
      }
      for (int d = 0; d < dims.size(); d++) {
        if (dimensionVertex[d] == -1) {
          throw new IllegalArgumentException("space '" + space.id() + "': no graph vertex owns"
              + " dimension '" + dims.get(d).name() + "'");
        }
      }
    } else {
      adjacency = ActorCritic.ONE;
      // Within one task the state never changes, so the MLP sees a constant input.
      features = new double[][] {{1}};
      for (int d = 0; d < dims.size(); d++) {
        dimensionColumn[d] = d;
      }
      actionWidth = dims.size();
    }
    networks = new ActorCritic(features[0].length, Math.max(1, actionWidth), settings.hidden(),
        new SplittableRandom(seed));
    owned = new double[features.length][networks.actionWidth];
    for (int d = 0; d < dims.size(); d++) {
      owned[dimensionVertex[d]][dimensionColumn[d]] = 1;
    }
  }

  @Override
  public String id() {
    return ID;
  }

  /** Whether this agent uses the graph networks rather than the MLP. */
  public boolean usesGraph() {
    return adjacency != ActorCritic.ONE;
  }

  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + n + ") needs n >= 1");
    }
    double[][] policy = asked >= warmup ? networks.actor(adjacency, features).action() : null;
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom random = new SplittableRandom(streamSeed(seed, asked));
      double sigma = settings.noise() * Math.pow(settings.noiseDecay(), asked - warmup);
      Candidate c = decode(policy, sigma, random);
      if (space.violation(c).isPresent()) {
        c = space.sample(random);
      }
      candidates.add(c);
      asked++;
    }
    return candidates;
  }

  private Candidate decode(double[][] policy, double sigma, SplittableRandom random) {
    List<Dimension> dims = space.dimensions();
    Map<String, Object> values = new LinkedHashMap<>();
    for (int d = 0; d < dims.size(); d++) {
      double a;
      if (policy == null) {
        a = random.nextDouble(-1, 1);
      } else {
        a = policy[dimensionVertex[d]][dimensionColumn[d]] + truncatedNormal(random, sigma);
      }
      values.put(dims.get(d).name(), dims.get(d).fromUnit((Math.max(-1, Math.min(1, a)) + 1) / 2));
    }
    return Candidate.of(values);
  }

  private static double truncatedNormal(SplittableRandom random, double sigma) {
    if (sigma == 0) {
      return 0;
    }
    while (true) {
      double z = random.nextGaussian();
      if (Math.abs(z) <= 2) {
        return z * sigma;
      }
    }
  }

  @Override
  public void tell(Observation observation) {
    if (observation.trialNumber() < 0 || observation.trialNumber() >= asked) {
      throw new IllegalArgumentException("optimizer '" + ID + "' was told the outcome of trial "
          + observation.trialNumber() + " but has asked for trials 0 to " + (asked - 1)
          + " only");
    }
    double reward = Double.NaN;
    if (observation.succeeded()) {
      reward = -problem.objectives().get(0).loss(observation.metrics());
      double violation = problem.violation(observation.metrics());
      if (Double.isFinite(reward) && violation > 0) {
        reward -= 1 + Math.min(10, violation);
      }
    }
    if (Double.isFinite(reward)) {
      worstSuccess = Math.min(worstSuccess, reward);
    } else {
      // Relative to the worst success, not to the worst reward: failures in a row must not
      // push each other's rewards ever lower and swamp the scale of the successes.
      reward = (Double.isFinite(worstSuccess) ? worstSuccess : 0) - 1;
    }
    actions.add(encodeAction(observation.candidate()));
    rewards.add(reward);
    if (actions.size() >= Math.min(warmup, settings.batch())) {
      // At the end of the warm-up the critic has seen nothing yet: fit it to the random
      // samples before the actor starts to follow it.
      int rounds = actions.size() == warmup ? settings.updates() * WARMUP_ROUNDS
          : settings.updates();
      for (int u = 0; u < rounds; u++) {
        train();
      }
    }
  }

  /** The action rows (flattened) that give {@code candidate}: {@code 2u − 1} per dimension. */
  private double[] encodeAction(Candidate candidate) {
    double[] unit = space.encode(candidate);
    double[] action = new double[features.length * networks.actionWidth];
    for (int d = 0; d < unit.length; d++) {
      action[dimensionVertex[d] * networks.actionWidth + dimensionColumn[d]] = 2 * unit[d] - 1;
    }
    return action;
  }

  private void train() {
    SplittableRandom random = new SplittableRandom(streamSeed(~seed, updates++));
    double baseline = rewards.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double spread = Math.sqrt(rewards.stream().mapToDouble(r -> (r - baseline) * (r - baseline))
        .average().orElse(0));
    double scale = spread > 1e-9 ? spread : 1;
    int width = networks.actionWidth;
    int samples = Math.min(settings.batch(), actions.size());
    for (int s = 0; s < samples; s++) {
      int i = random.nextInt(actions.size());
      double[][] action = new double[features.length][width];
      for (int v = 0; v < features.length; v++) {
        System.arraycopy(actions.get(i), v * width, action[v], 0, width);
      }
      ActorCritic.CriticPass pass = networks.critic(adjacency, features, action);
      networks.criticBackward(adjacency, pass,
          2 * (pass.value() - (rewards.get(i) - baseline) / scale), true);
    }
    networks.stepCritic(settings.criticRate(), samples);
    ActorCritic.ActorPass actor = networks.actor(adjacency, features);
    double[][] action = new double[features.length][width];
    for (int v = 0; v < features.length; v++) {
      for (int k = 0; k < width; k++) {
        action[v][k] = actor.action()[v][k] * owned[v][k];
      }
    }
    ActorCritic.CriticPass value = networks.critic(adjacency, features, action);
    double[][] dAction = networks.criticBackward(adjacency, value, -1, false);
    for (int v = 0; v < features.length; v++) {
      for (int k = 0; k < width; k++) {
        dAction[v][k] *= owned[v][k];
      }
    }
    networks.actorBackward(adjacency, actor, dAction);
    networks.stepActor(settings.actorRate(), 1);
  }

  /** The state: format, seed, counters, replay buffer, networks with their Adam moments. */
  @Override
  public Optional<byte[]> checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(STATE_FORMAT);
      out.writeLong(seed);
      out.writeLong(asked);
      out.writeLong(updates);
      out.writeInt(warmup);
      out.writeDouble(worstSuccess);
      out.writeInt(actions.size());
      for (int i = 0; i < actions.size(); i++) {
        out.writeDouble(rewards.get(i));
        for (double a : actions.get(i)) {
          out.writeDouble(a);
        }
      }
      networks.write(out, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(bytes.toByteArray());
  }

  @Override
  public void restore(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      if (in.readByte() != STATE_FORMAT) {
        throw new IllegalArgumentException("optimizer '" + ID + "': not a checkpoint of format "
            + STATE_FORMAT);
      }
      seed = in.readLong();
      asked = in.readLong();
      updates = in.readLong();
      warmup = in.readInt();
      worstSuccess = in.readDouble();
      int size = in.readInt();
      actions.clear();
      rewards.clear();
      int width = features.length * networks.actionWidth;
      for (int i = 0; i < size; i++) {
        rewards.add(in.readDouble());
        double[] a = new double[width];
        for (int k = 0; k < width; k++) {
          a[k] = in.readDouble();
        }
        actions.add(a);
      }
      networks.read(in, true);
    } catch (IOException e) {
      throw new IllegalArgumentException("optimizer '" + ID + "': checkpoint of " + state.length
          + " bytes does not fit this problem: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the trained networks (weights only) so that {@link #loadAgent} can start another
   * agent from them, on another node or, for the graph agent, another topology.
   */
  public void saveAgent(OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    out.writeByte(AGENT_FORMAT);
    out.writeBoolean(usesGraph());
    out.writeInt(networks.features);
    out.writeInt(networks.actionWidth);
    out.writeInt(networks.hidden);
    networks.write(out, false);
    out.flush();
  }

  /**
   * Replaces this agent's networks by saved ones and shortens the random warm-up to
   * {@code warmupAfterLoading} candidates: the loaded actor proposes from then on.
   *
   * @throws IOException naming the mismatch if the saved networks do not fit this agent
   */
  public void loadAgent(InputStream stream, int warmupAfterLoading) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readByte() != AGENT_FORMAT) {
      throw new IOException("not a saved gcnrl agent of format " + AGENT_FORMAT);
    }
    boolean graph = in.readBoolean();
    int f = in.readInt();
    int a = in.readInt();
    int h = in.readInt();
    if (graph != usesGraph() || f != networks.features || a != networks.actionWidth
        || h != networks.hidden) {
      throw new IOException("saved agent (graph=" + graph + ", " + f + " features, " + a
          + " actions, " + h + " hidden) does not fit this one (graph=" + usesGraph() + ", "
          + networks.features + ", " + networks.actionWidth + ", " + networks.hidden + ")");
    }
    ActorCritic loaded = new ActorCritic(f, a, h, new SplittableRandom(seed));
    loaded.read(in, false);
    networks = loaded;
    warmup = warmupAfterLoading;
  }

  /** A seed for counter {@code index}: SplitMix64's finaliser over seed and index. */
  static long streamSeed(long seed, long index) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (index + 1));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
