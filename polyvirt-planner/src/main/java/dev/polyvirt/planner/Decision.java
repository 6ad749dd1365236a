package dev.polyvirt.planner;

import dev.polyvirt.planner.score.Scorecard;
import java.util.List;
import java.util.Optional;

/**
 * What the recommender decided for one workload: the recommendation, every feasible model's
 * scorecard, and the runner-up (the next best model that qualifies).
 */
record Decision(Recommendation recommendation, List<Scorecard> scorecards, Optional<String> runnerUp) {}
