#include "engine/learn/calibration.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/learn/logistic_fit.h"
#include "engine/scoring/score_math.h"

namespace divrisk::learn {

namespace {

// FNV-1a: the fold of a case, the same on every platform.
uint64_t IdHash(std::string_view id) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char ch : id) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return h;
}

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

void Priors(const Plan& plan, const Archive& archive,
            const std::vector<bool>& kept, Calibration* out) {
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    if (kept[i]) continue;
    PriorProposal p;
    p.indicator = static_cast<int>(i);
    p.old_value = plan.indicators[i].unknown_value;
    for (Eigen::Index r = 0; r < archive.values.rows(); ++r) {
      const float v = archive.values(r, static_cast<Eigen::Index>(i));
      if (std::isnan(v)) {
        ++p.unknown;
        continue;
      }
      ++p.known;
      p.adverse += v;
      p.worst_known = std::max(p.worst_known, static_cast<double>(v));
    }
    if (p.unknown == 0 || p.known == 0) continue;
    p.rate = p.adverse / static_cast<double>(p.known);
    WilsonInterval(p.adverse, static_cast<double>(p.known), &p.low, &p.high);
    // Four decimals, as the rule set writes it; never above the worst known.
    p.proposed = std::min(std::round(p.rate * 1e4) / 1e4, p.worst_known);
    out->priors.push_back(p);
  }
}

}  // namespace

double ReferThreshold(const Plan& plan) {
  double from = 0;
  for (const BandSpec& b : plan.bands) {
    if (b.recommendation >= Recommendation::kRefer) return from;
    from = b.below.value_or(from);
  }
  return from;
}

absl::StatusOr<Calibration> Calibrate(const Plan& plan, const Archive& archive,
                                      const CalibrateOptions& options) {
  Calibration out;
  out.cases = archive.rows.size();
  out.folds = options.folds;
  out.l2 = options.l2;
  out.refer_threshold = ReferThreshold(plan);
  const Eigen::Index p = static_cast<Eigen::Index>(plan.indicators.size());

  std::vector<Eigen::Index> labelled;
  for (size_t r = 0; r < archive.rows.size(); ++r) {
    if (archive.rows[r].diversion != DiversionFound::kUnknown) {
      labelled.push_back(static_cast<Eigen::Index>(r));
    }
  }
  const Eigen::Index n = static_cast<Eigen::Index>(labelled.size());
  out.labelled = static_cast<uint64_t>(n);
  Eigen::VectorXd y(n), current(n);
  std::vector<uint8_t> label(n);
  Eigen::MatrixXd x(n, p);
  for (Eigen::Index k = 0; k < n; ++k) {
    const ArchiveRow& row = archive.rows[labelled[k]];
    label[k] = row.diversion == DiversionFound::kYes;
    y(k) = label[k];
    out.diverted += label[k];
    current(k) = static_cast<double>(row.score_q) / kScoreUnits;
    for (Eigen::Index i = 0; i < p; ++i) {
      const float v = archive.values(labelled[k], i);
      x(k, i) = std::isnan(v) ? plan.indicators[i].unknown_value : v;
    }
  }
  if (out.diverted == 0 || out.diverted == out.labelled) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the archive needs cases found diverted and cases found not diverted "
        "(outcome.diversion_found yes and no); it has ",
        out.diverted, " yes and ", out.labelled - out.diverted, " no"));
  }
  if (options.folds < 2 || static_cast<uint64_t>(options.folds) > out.labelled) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot cross-validate ", out.labelled, " labelled cases in ",
        options.folds, " folds"));
  }

  // Which indicators are learned.
  std::vector<bool> gate(p, false);
  for (const GateSpec& g : plan.gates) gate[g.indicator] = true;
  std::vector<int> columns, sign;
  std::vector<bool> kept(p, true);
  out.weights.resize(p);
  for (Eigen::Index i = 0; i < p; ++i) {
    WeightProposal& w = out.weights[i];
    w.indicator = static_cast<int>(i);
    w.old_weight = plan.weights.row(i).sum();
    w.proposed = w.low = w.high = w.old_weight;
    if (gate[i]) {
      w.kept_because = "gate";
    } else if (plan.indicators[i].fixed) {
      w.kept_because = "fixed";
    } else if (w.old_weight == 0) {
      w.kept_because = "no category weight";
    } else if (n == 0 || x.col(i).maxCoeff() == x.col(i).minCoeff()) {
      w.kept_because = "no variation";
    } else {
      w.learned = true;
      columns.push_back(static_cast<int>(i));
      sign.push_back(w.old_weight < 0 ? -1 : 1);
    }
    kept[i] = gate[i] || plan.indicators[i].fixed;
  }

  // Points per log-odds, from the current score unless given.
  FitOptions fo;
  fo.l2 = options.l2;
  if (options.points_per_logit) {
    out.points_per_logit = *options.points_per_logit;
    out.scale_from_archive = false;
  } else {
    FitOptions one;
    one.l2 = 1e-9;
    const LogisticFit s = FitLogistic(current, y, Eigen::VectorXd::Zero(n),
                                      {0}, one);
    if (!(s.beta(0) > 1e-9)) {
      return absl::InvalidArgumentError(
          "the current score does not rise with diversion in this archive, "
          "so it gives no scale: give --points-per-logit");
    }
    out.points_per_logit = 1 / s.beta(0);
  }
  const double scale = out.points_per_logit;
  Eigen::VectorXd offset = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < p; ++i) {
    if (!out.weights[i].learned) offset += x.col(i) * (out.weights[i].old_weight / scale);
  }
  const Eigen::MatrixXd xl = x(Eigen::all, columns);

  // Cross-validation: out-of-fold linear predictors and points.
  std::vector<int> fold(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    fold[k] = static_cast<int>(IdHash(archive.rows[labelled[k]].id) % options.folds);
  }
  std::vector<double> oof_logit(n), oof_prob(n);
  std::vector<uint8_t> flagged_new(n), flagged_now(n);
  for (int f = 0; f < options.folds; ++f) {
    std::vector<Eigen::Index> train, test;
    for (Eigen::Index k = 0; k < n; ++k) (fold[k] == f ? test : train).push_back(k);
    if (test.empty()) continue;
    const LogisticFit fit = FitLogistic(xl(train, Eigen::all), y(train),
                                        offset(train), sign, fo);
    out.converged = out.converged && fit.converged;
    const Eigen::VectorXd z =
        LinearPredictor(fit, xl(test, Eigen::all), offset(test));
    for (size_t t = 0; t < test.size(); ++t) {
      oof_logit[test[t]] = z(static_cast<Eigen::Index>(t));
      oof_prob[test[t]] = Sigmoid(z(static_cast<Eigen::Index>(t)));
      const double points = (z(static_cast<Eigen::Index>(t)) - fit.intercept) * scale;
      flagged_new[test[t]] = points >= out.refer_threshold;
    }
  }
  for (Eigen::Index k = 0; k < n; ++k) {
    flagged_now[k] =
        archive.rows[labelled[k]].recommendation >= Recommendation::kRefer;
  }
  out.auc = AucWithInterval(oof_logit, label, options.bootstrap, options.seed);
  std::vector<double> now(current.data(), current.data() + n);
  out.auc_current = Auc(now, label);
  out.current = AtThreshold(flagged_now, label);
  out.proposed = AtThreshold(flagged_new, label);
  out.reliability = Reliability(oof_prob, label);

  // The proposal: one fit on every labelled case.
  const LogisticFit fit = FitLogistic(xl, y, offset, sign, fo);
  out.converged = out.converged && fit.converged;
  out.intercept = fit.intercept;
  for (size_t c = 0; c < columns.size(); ++c) {
    WeightProposal& w = out.weights[columns[c]];
    const Eigen::Index j = static_cast<Eigen::Index>(c);
    w.beta = fit.beta(j);
    w.beta_low = fit.low(j);
    w.beta_high = fit.high(j);
    // Four decimals: the rule set's fixed point.
    w.proposed = std::round(fit.beta(j) * scale * 1e4) / 1e4;
    w.low = fit.low(j) * scale;
    w.high = fit.high(j) * scale;
  }
  if (options.priors) Priors(plan, archive, kept, &out);
  return out;
}

}  // namespace divrisk::learn
