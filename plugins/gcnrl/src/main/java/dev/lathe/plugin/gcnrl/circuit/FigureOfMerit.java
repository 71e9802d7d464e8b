package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Constraint;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The paper's figure of merit: {@code Σ wᵢ·(clip(mᵢ, boundᵢ) − minᵢ)/(maxᵢ − minᵢ)}, where a
 * metric to maximise (w &gt; 0) is clipped from above at its bound and one to minimise
 * (w &lt; 0) from below, so that beating a bound earns nothing more. Each unmet spec subtracts
 * {@code 1 + |violation / bound|}, so that every feasible design ranks above every infeasible
 * one of similar quality.
 *
 * @param terms the weighted, normalised metrics
 * @param specs the hard specs
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FigureOfMerit(List<Term> terms, List<Constraint> specs) {

  /** Copies the parts. */
  public FigureOfMerit {
    terms = List.copyOf(terms);
    specs = List.copyOf(specs);
  }

  /**
   * One weighted metric.
   *
   * @param metric the metric's name
   * @param weight its weight; negative for a metric to minimise
   * @param min the value that normalises to 0
   * @param max the value that normalises to 1
   * @param bound the value beyond which the metric earns nothing more
   */
  public record Term(String metric, double weight, double min, double max, double bound) {

    /** Checks the range. */
    public Term {
      if (!(max > min)) {
        throw new IllegalArgumentException("figure-of-merit term '" + metric + "': max " + max
            + " is not above min " + min);
      }
    }

    /**
     * Parses {@code metric:weight:min:max:bound}, e.g. {@code gain_db:1:20:80:70}.
     *
     * @throws IllegalArgumentException naming the text if it does not parse
     */
    public static Term parse(String text) {
      String[] p = text.strip().split(":");
      if (p.length != 5) {
        throw new IllegalArgumentException("'" + text
            + "' is not a figure-of-merit term (expected metric:weight:min:max:bound)");
      }
      try {
        return new Term(p[0], Double.parseDouble(p[1]), Double.parseDouble(p[2]),
            Double.parseDouble(p[3]), Double.parseDouble(p[4]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
      }
    }

    /** The weighted, normalised contribution of {@code value}. */
    public double contribution(double value) {
      double clipped = weight >= 0 ? Math.min(value, bound) : Math.max(value, bound);
      return weight * (clipped - min) / (max - min);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s:%s:%s:%s:%s", metric, weight, min, max, bound);
    }
  }

  /** Parses terms and specs from their text forms. */
  public static FigureOfMerit parse(List<String> terms, List<String> specs) {
    return new FigureOfMerit(terms.stream().map(Term::parse).toList(),
        specs.stream().map(Constraint::parse).toList());
  }

  /** The figure of merit of {@code metrics}; every term's metric must be present. */
  public double of(Metrics metrics) {
    double fom = 0;
    for (Term t : terms) {
      fom += t.contribution(metrics.value(t.metric()));
    }
    for (Constraint c : specs) {
      double v = c.violation(metrics);
      if (v > 0) {
        fom -= 1 + Math.min(10, Math.abs(v / (c.bound() == 0 ? 1 : c.bound())));
      }
    }
    return fom;
  }

  /** The terms as text, for settings and reports. */
  public List<String> termTexts() {
    return terms.stream().map(Term::toString).toList();
  }

  /** The specs as text. */
  public List<String> specTexts() {
    return specs.stream().map(Constraint::toString).toList();
  }
}
