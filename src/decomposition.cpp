// Candogan et al.'s decomposition of dense and symmetric games (see
// analysis/decomposition.hpp): the least-squares solves behind decompose.
#include "dilemma/analysis/decomposition.hpp"

namespace dilemma {

GameDecomposition decompose(const NormalFormGame& game, double tol, std::size_t max_iter) {
  detail::check_decomposition_options("decompose", tol, max_iter);
  const std::size_t n = game.num_players(), size = game.num_profiles();
  // The solve and the norms work in payoffs times `unit`, an exact power of
  // two: sums of squares of payoffs near 1e300 (or 1e-300) stay in range.
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  // b = sum_i m_i (I - P_i) u_i.
  std::vector<double> b(size, 0.0), work(size);
  for (std::size_t i = 0; i < n; ++i) {
    detail::remove_own_mean(game, i, game.payoffs(i), work.data());
    for (std::size_t k = 0; k < size; ++k) b[k] += double(game.nums_actions()[i]) * (work[k] * unit);
  }
  const auto laplacian = [&](const std::vector<double>& v, std::vector<double>& out) {
    std::fill(out.begin(), out.end(), 0.0);
    std::vector<double> part(size);
    for (std::size_t i = 0; i < n; ++i) {
      detail::remove_own_mean(game, i, v.data(), part.data());
      for (std::size_t k = 0; k < size; ++k) out[k] += double(game.nums_actions()[i]) * part[k];
    }
  };
  auto [phi, steps] = detail::conjugate_gradients("decompose", laplacian, b, {}, tol, max_iter);
  double mean = 0;
  for (double value : phi) mean += value;
  for (double& value : phi) value = (value - mean / double(size)) / unit;

  std::vector<double> nonstrategic(n * size), potential(n * size), harmonic(n * size);
  DecompositionNorms norms;
  for (std::size_t i = 0; i < n; ++i) {
    const double* u = game.payoffs(i);
    double* u_p = &potential[i * size];
    double* u_h = &harmonic[i * size];
    detail::remove_own_mean(game, i, phi.data(), u_p);
    detail::remove_own_mean(game, i, u, u_h);  // the strategic part, then minus u_P
    for (std::size_t k = 0; k < size; ++k) {
      nonstrategic[i * size + k] = u[k] - u_h[k];
      u_h[k] -= u_p[k];
      const auto square = [unit](double value) { return (value * unit) * (value * unit); };
      norms.game += square(u[k]);
      norms.nonstrategic += square(nonstrategic[i * size + k]);
      norms.potential += square(u_p[k]);
      norms.harmonic += square(u_h[k]);
    }
  }
  const double entries = double(n) * double(size);
  for (double* norm : {&norms.game, &norms.nonstrategic, &norms.potential, &norms.harmonic})
    *norm = std::sqrt(*norm / entries) / unit;
  const auto part = [&](std::vector<double> payoffs, const char* name) {
    NormalFormGame result(game.nums_actions(), std::move(payoffs));
    result.set_title(std::string(name) + " part" + (game.title().empty() ? "" : " of " + game.title()));
    return result;
  };
  return GameDecomposition{part(std::move(nonstrategic), "nonstrategic"), part(std::move(potential), "potential"),
                           part(std::move(harmonic), "harmonic"), std::move(phi), norms, steps};
}

SymmetricDecomposition decompose(const SymmetricGame& game, double tol, std::size_t max_iter) {
  const std::size_t n = game.num_players(), s = game.num_actions();
  if (max_iter == 0) max_iter = 20 * n + 100;
  detail::check_decomposition_options("decompose", tol, max_iter);
  const CountVectors classes(s, n);
  detail::check_fits_in_memory("decompose", classes.size(), 6 * sizeof(double), "the count-class vectors");
  const std::vector<double> weight = detail::relative_multinomial_weights(classes);
  if (!(*std::min_element(weight.begin(), weight.end()) > 1e-300))
    detail::fail("decompose", "n = ", n, " is too large for the count-form decomposition with ", s,
                 " actions: class weights Mult(n; c) span more than a double's range");
  // Edges: from class c, a player on a (c_a > 0) switches to b; others m = c - e_a.
  const auto for_each_edge = [&](auto&& visit) {
    Counts counts = classes.first(), m(s), to(s);
    std::size_t from = 0;
    do {
      for (std::size_t a = 0; a < s; ++a) {
        if (counts[a] == 0) continue;
        m = counts;
        --m[a];
        for (std::size_t b = 0; b < s; ++b) {
          if (b == a) continue;
          to = m;
          ++to[b];
          visit(from, classes.rank(to), weight[from] * double(counts[a]), a, b, static_cast<const Counts&>(m));
        }
      }
      ++from;
    } while (classes.next(counts));
  };
  // One pass ranks every edge: the right-hand side, the degrees and the
  // edge list (in CSR form by class) that each conjugate-gradient step reads.
  const std::size_t num_edges = classes.size() * s * (s - 1);  // at most
  detail::check_fits_in_memory("decompose", num_edges, sizeof(std::size_t) + sizeof(double), "the count-class edges");
  // As for dense games, the solve and the norms work in payoffs times an
  // exact power of two that brings the largest magnitude into [0.5, 1).
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  std::vector<double> rhs(classes.size(), 0.0), degree(classes.size(), 0.0), edge_weight;
  std::vector<std::size_t> edge_to, first_edge(classes.size() + 1, 0);
  edge_weight.reserve(num_edges);
  edge_to.reserve(num_edges);
  for_each_edge([&](std::size_t from, std::size_t to, double w, std::size_t a, std::size_t b, const Counts& m) {
    rhs[from] += w * (game.payoff_at(a, m) * unit - game.payoff_at(b, m) * unit);
    degree[from] += w;
    edge_to.push_back(to);
    edge_weight.push_back(w);
    first_edge[from + 1] = edge_to.size();
  });
  for (std::size_t k = 1; k < first_edge.size(); ++k) first_edge[k] = std::max(first_edge[k], first_edge[k - 1]);
  const auto laplacian = [&](const std::vector<double>& v, std::vector<double>& out) {
    for (std::size_t from = 0; from < v.size(); ++from) {
      double sum = 0;
      for (std::size_t e = first_edge[from]; e < first_edge[from + 1]; ++e) sum += edge_weight[e] * (v[from] - v[edge_to[e]]);
      out[from] = sum;
    }
  };
  // Not a structured binding: the lambda below captures psi, which C++17
  // forbids for a binding (Clang rejects it; GCC accepts it as an extension).
  auto solved = detail::conjugate_gradients("decompose", laplacian, rhs, degree, tol, max_iter);
  std::vector<double>& psi = solved.first;
  const std::size_t steps = solved.second;
  double mean = 0, total_weight = 0;
  for (std::size_t k = 0; k < psi.size(); ++k) mean += weight[k] * psi[k], total_weight += weight[k];
  for (double& value : psi) value = (value - mean / total_weight) / unit;

  // Tables of the parts over (action, others' counts); norms weight each
  // (a, m) by its n Mult(n-1; m) dense entries, relative to the largest.
  const std::size_t rows = game.num_count_vectors();
  std::vector<double> nonstrategic(s * rows), potential(s * rows), harmonic(s * rows), u_psi(s);
  DecompositionNorms norms;
  double norm_weight = 0;
  Counts with(s);
  std::size_t row = 0;
  const std::vector<double> row_weight = detail::relative_multinomial_weights(game.others());
  game.for_each_payoff_row([&](const Counts& m, const std::vector<double>& u) {
    double mean_u = 0, mean_psi = 0;
    for (std::size_t a = 0; a < s; ++a) {
      with = m;
      ++with[a];
      u_psi[a] = psi[classes.rank(with)];
      mean_u += u[a] / double(s);
      mean_psi += u_psi[a] / double(s);
    }
    const double w = row_weight[row];
    for (std::size_t a = 0; a < s; ++a) {
      const std::size_t k = a * rows + row;
      nonstrategic[k] = mean_u;
      potential[k] = u_psi[a] - mean_psi;
      harmonic[k] = u[a] - mean_u - potential[k];
      const auto square = [unit](double value) { return (value * unit) * (value * unit); };
      norms.game += w * square(u[a]);
      norms.nonstrategic += w * square(mean_u);
      norms.potential += w * square(potential[k]);
      norms.harmonic += w * square(harmonic[k]);
      norm_weight += w;
    }
    ++row;
  });
  for (double* norm : {&norms.game, &norms.nonstrategic, &norms.potential, &norms.harmonic})
    *norm = std::sqrt(*norm / norm_weight) / unit;
  const auto part = [&](std::vector<double> table, const char* name) {
    SymmetricGame result(n, s, std::move(table));
    result.set_action_labels(game.action_labels());
    result.set_title(std::string(name) + " part" + (game.title().empty() ? "" : " of " + game.title()));
    return result;
  };
  return SymmetricDecomposition{part(std::move(nonstrategic), "nonstrategic"), part(std::move(potential), "potential"),
                                part(std::move(harmonic), "harmonic"), std::move(psi), norms, steps};
}

}  // namespace dilemma
