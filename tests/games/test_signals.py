"""Signals about a state of the world: Bayes' rule, pooling, thresholds and error rates, derived by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

import games
from games.signals import InformationStructure, binary_signal, error_rates, gaussian_signal, pool, threshold_strategy


def test_bayes_rule_on_a_binary_signal():
    # prior 0.2 of a threat, accuracy 0.9: P(threat | alarm) = .18 / (.18 + .08)
    info = InformationStructure([0.8, 0.2], [binary_signal(0.9)], states=["harmless", "dangerous"])
    assert info.state_posterior(0, 1).tolist() == pytest.approx([0.08 / 0.26, 0.18 / 0.26])
    assert info.state_posterior(0, 0).tolist() == pytest.approx([0.72 / 0.74, 0.02 / 0.74])


def test_conditionally_independent_signals_are_correlated_types():
    info = InformationStructure([0.5, 0.5], [binary_signal(0.8), binary_signal(0.8)])
    prior = info.type_prior()
    # P(both alarms) = .5 * .04 + .5 * .64 = .34; P(one each) = .5 * .16 * 2 = .16
    assert prior.ravel().tolist() == pytest.approx([0.34, 0.16, 0.16, 0.34])
    g = info.bayesian_game(np.zeros((2, 1, 1, 2)))
    assert g.posterior(0, 1).tolist() == pytest.approx([0.32, 0.68])   # .16 / .5, .34 / .5


def test_shared_signal_gives_identical_types():
    info = InformationStructure([0.6, 0.4], binary_signal(0.75), shared=True, num_players=3)
    prior = info.type_prior()
    assert prior.shape == (2, 2, 2)
    assert prior[1, 1, 1] == pytest.approx(0.6 * 0.25 + 0.4 * 0.75)
    assert prior.sum() == pytest.approx(1.0) and prior[0, 1, 0] == 0


def test_bayesian_game_payoffs_are_expected_over_the_posterior():
    info = InformationStructure([0.8, 0.2], [binary_signal(0.9)], shared=True, num_players=2)
    v = np.zeros((2, 2, 2, 2))
    v[1, 1, 1] = [10, 10]     # both act against a real threat
    v[0, 1, 1] = [-5, -5]     # both act against a harmless state
    g = info.bayesian_game(v, actions=[["wait", "act"], ["wait", "act"]])
    p_threat_alarm = 0.18 / 0.26
    assert g.payoffs[1, 1, 1, 1, 0] == pytest.approx(10 * p_threat_alarm - 5 * (1 - p_threat_alarm))
    assert g.types == (("0", "1"), ("0", "1"))


def test_gaussian_bins_by_the_normal_cdf():
    m = gaussian_signal([0.0, 2.0], 1.0, [1.0])
    phi1 = 0.5 * (1 + math.erf(1 / math.sqrt(2)))     # Phi(1) = 0.841345
    assert phi1 == pytest.approx(0.841345, abs=1e-6)
    assert m.tolist()[0] == pytest.approx([phi1, 1 - phi1])
    assert m.tolist()[1] == pytest.approx([1 - phi1, phi1])
    assert gaussian_signal([0.0], 1.0, [-1.0, 0.0, 1.0]).sum() == pytest.approx(1.0)


def test_pooling_and_error_rates_of_a_two_alarm_rule():
    q = 0.8
    pooled = pool(binary_signal(q), binary_signal(q))
    # count of alarms: act only when both alarm -> the last column (signals ordered (0,0),(0,1),(1,0),(1,1))
    assert error_rates(pooled, 3) == pytest.approx({"false_alarm": (1 - q) ** 2, "missed": 1 - q ** 2})
    assert error_rates(binary_signal(q), 0) == {"false_alarm": 1.0, "missed": 0.0}
    assert error_rates(binary_signal(q), 2) == {"false_alarm": 0.0, "missed": 1.0}


def test_threshold_strategy_is_a_behaviour_for_bayesian_games():
    info = InformationStructure([0.5, 0.5], [binary_signal(0.9), binary_signal(0.9)])
    v = np.zeros((2, 2, 2, 2))
    v[1, 1, :, 0] = 1.0      # player 1 gains 1 by acting in the threat state, loses 1 otherwise
    v[0, 1, :, 0] = -1.0
    g = info.bayesian_game(v)
    s = threshold_strategy(2, 1)
    assert g.is_nash([s, s])           # acting on an alarm: posterior .9 > .5; not acting otherwise
    assert not g.is_nash([threshold_strategy(2, 0), s])


@pytest.mark.parametrize("call, match", [
    (lambda: binary_signal(1.2), "accuracy must be a probability"),
    (lambda: InformationStructure([0.5, 0.6], [binary_signal(0.8)]), "state_prior must be a probability vector"),
    (lambda: InformationStructure([0.5, 0.5], [[[0.5, 0.4], [0.5, 0.5]]]), "must sum to 1"),
    (lambda: InformationStructure([0.5, 0.5], [[[1.5, -0.5], [0.5, 0.5]]]), "non-negative"),
    (lambda: InformationStructure([0.3, 0.3, 0.4], [binary_signal(0.8)]), "one row per state"),
    (lambda: threshold_strategy(2, 3), "threshold must be an integer in 0..2"),
    (lambda: error_rates(binary_signal(0.8), 1, threat_states=[0, 1]), "some but not all"),
    (lambda: gaussian_signal([0, 1], 1.0, [1.0, 0.0]), "increasing"),
    (lambda: pool(binary_signal(0.8), np.eye(3)), "share the states"),
])
def test_bad_input_is_refused(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_reachable_from_games():
    assert games.signals.binary_signal(0.5).tolist() == [[0.5, 0.5], [0.5, 0.5]]
