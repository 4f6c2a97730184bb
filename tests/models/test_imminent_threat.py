"""Criteria of imminent threat: values derived by hand (Bayes' rule, the payoff table, the agreed rule, the
error rates) and a national equilibrium checked by an independent brute-force computation of interim payoffs."""

from __future__ import annotations

import itertools

import pytest

from models.imminent_threat import INSTRUMENTS, ImminentThreatModel, alarm_posterior, regime_table

WAIT, DIPLOMACY, SANCTIONS, STRIKE = range(4)


def test_bayes_rule_on_one_and_two_alarms():
    # prior .2, accuracy .8: one alarm .16 / (.16 + .16); two alarms .128 / (.128 + .032)
    assert alarm_posterior(0.2, 0.8) == pytest.approx(0.5)
    assert alarm_posterior(0.2, 0.8, 2, 2) == pytest.approx(0.8)
    assert alarm_posterior(0.2, 0.8, 0, 2) == pytest.approx(0.008 / 0.52)
    out = ImminentThreatModel().outcome()
    assert out["posterior_alarm"] == pytest.approx(0.5) and out["posterior_two_alarms"] == pytest.approx(0.8)


def test_payoff_table_by_hand():
    v = ImminentThreatModel().state_payoffs()
    harmless, dangerous = 0, 1
    # both strike a harmless state: cost 2.5 * (1 - .4) and half the illegitimacy 6
    assert v[harmless, STRIKE, STRIKE].tolist() == pytest.approx([-1.5 - 3.0, -1.5 - 3.0])
    # the exposed state imposes sanctions alone on a dangerous aggressor: .8 + (1 - .4) * 10; the distant .6 * 5
    assert v[dangerous, SANCTIONS, WAIT].tolist() == pytest.approx([-0.8 - 6.0, -3.0])
    # diplomacy by both: each pays .2 * .6; the threat survives both with (1 - .15)^2
    assert v[dangerous, DIPLOMACY, DIPLOMACY].tolist() == pytest.approx([-0.12 - 0.7225 * 10, -0.12 - 0.7225 * 5])
    # prevention against a harmless state only wastes its cost
    assert v[harmless, WAIT, SANCTIONS].tolist() == pytest.approx([0.0, -0.8])
    delayed = ImminentThreatModel().state_payoffs(delay=0.1)
    assert delayed[dangerous, STRIKE, WAIT, 0] == pytest.approx(-2.5 - (1 - 0.81) * 10)


def test_agreed_rule_by_hand():
    """Both use one instrument on pooled evidence; effects delayed by .1 (.135, .36, .81); joint payoff of
    instrument a given P(dangerous) = mu: -2 c_a (1 - .4) - [strike] (1 - mu) 2 * 6 * .5 - mu (1 - e_a)^2 15."""
    c = {WAIT: 0.0, DIPLOMACY: 0.2, SANCTIONS: 0.8, STRIKE: 2.5}
    e = {WAIT: 0.0, DIPLOMACY: 0.135, SANCTIONS: 0.36, STRIKE: 0.81}

    def joint(a, mu):
        return -2 * c[a] * 0.6 - (a == STRIKE) * (1 - mu) * 6.0 - mu * (1 - e[a]) ** 2 * 15

    mus = [0.008 / 0.52, 0.064 / 0.32, 0.128 / 0.16]   # 0, 1, 2 alarms of 2
    want = tuple(max(range(4), key=lambda a: joint(a, mu)) for mu in mus)
    assert want == (WAIT, SANCTIONS, STRIKE)
    assert ImminentThreatModel().agreed_rule() == want


def test_national_equilibrium_by_brute_force_interim_payoffs():
    """The reported national profile leaves no state, alarmed or not, a better instrument: interim payoffs
    summed by hand over the state and the other's signal (not through the engine)."""
    m = ImminentThreatModel()
    out = m.outcome()
    plan = {0: (INSTRUMENTS.index(out["national_exposed_quiet"]), INSTRUMENTS.index(out["national_exposed_alarm"])),
            1: (INSTRUMENTS.index(out["national_distant_quiet"]), INSTRUMENTS.index(out["national_distant_alarm"]))}
    assert plan == {0: (WAIT, SANCTIONS), 1: (WAIT, DIPLOMACY)}
    v, p, q = m.state_payoffs(), m.threat_prior, m.signal_quality
    prior = {0: 1 - p, 1: p}

    def likelihood(signal, state):
        return q if signal == state else 1 - q

    for i, own in itertools.product((0, 1), (0, 1)):
        j = 1 - i
        values = []
        for a in range(4):
            num = den = 0.0
            for state, other in itertools.product((0, 1), (0, 1)):
                w = prior[state] * likelihood(own, state) * likelihood(other, state)
                acts = [0, 0]
                acts[i], acts[j] = a, plan[j][other]
                num += w * v[state, acts[0], acts[1], i]
                den += w
            values.append(num / den)
        assert values[plan[i][own]] >= max(values) - 1e-12, (i, own, values)
    assert out["national_regret"] <= 1e-9


def test_error_rates_by_hand():
    out = ImminentThreatModel().outcome()
    q, p = 0.8, 0.2
    # national: nobody strikes; nobody acts only without any alarm; both act only with two alarms
    assert out["national_false_alarm"] == 0.0
    assert out["national_missed"] == pytest.approx((1 - q) ** 2)
    assert out["national_collective"] == pytest.approx(p * q * q + (1 - p) * (1 - q) ** 2)
    assert out["national_any_action"] == pytest.approx(1 - (p * (1 - q) ** 2 + (1 - p) * q * q))
    # agreed: a joint strike on two alarms, joint sanctions on one
    assert out["agreed_false_alarm"] == pytest.approx((1 - q) ** 2)
    assert out["agreed_missed"] == pytest.approx((1 - q) ** 2)
    assert out["agreed_collective"] == pytest.approx(out["national_any_action"])


def test_rare_threat_agreed_criteria_make_collective_action_possible():
    """Prior .02: one alarm gives P(dangerous) = .016 / .212 = .0755, below what any instrument needs even for
    the exposed state (waiting costs .755, diplomacy .2 + .642); two pooled alarms give .246, where joint
    sanctions (-.48 - .246 * .4096 * 15 = -1.99) beat waiting (-3.69)."""
    out = ImminentThreatModel(threat_prior=0.02).outcome()
    assert out["national_any_action"] == 0.0
    assert (out["agreed_0_alarms"], out["agreed_1_alarm"], out["agreed_2_alarms"]) == ("wait", "wait", "sanctions")
    assert out["agreed_collective"] == pytest.approx(0.02 * 0.64 + 0.98 * 0.04)
    assert out["regime"] == "agreed criteria make collective action possible"
    assert out["gain_exposed"] > 0 and out["gain_distant"] > 0


def test_consultation_that_takes_too_long_makes_the_agreement_useless():
    """With a delay of 1 every pooled instrument is useless: the agreed rule waits, and each state bears the
    expected damage p * L (2 and 1), worse than the national thresholds."""
    out = ImminentThreatModel(consultation_delay=1.0).outcome()
    assert (out["agreed_0_alarms"], out["agreed_1_alarm"], out["agreed_2_alarms"]) == ("wait",) * 3
    assert out["agreed_payoff_exposed"] == pytest.approx(-0.2 * 10)
    assert out["agreed_payoff_distant"] == pytest.approx(-0.2 * 5)
    assert out["regime"] == "agreed criteria too slow"


def test_unilateral_if_necessary_with_near_conclusive_national_intelligence():
    """Accuracy .97: a state's own alarm is nearly conclusive, pooling adds little and costs time; the exposed
    state does better on its national threshold than under the agreed criteria."""
    out = ImminentThreatModel(threat_prior=0.25, signal_quality=0.97).outcome()
    assert out["gain_exposed"] < 0 < out["gain_exposed"] + out["gain_distant"]
    assert out["regime"] == "unilateral if necessary"


def test_the_agreed_rule_tempts_the_distant_state_to_shirk_not_to_escalate():
    out = ImminentThreatModel().outcome()
    assert not out["agreed_self_enforcing"]
    assert out["shirking_temptation"] > 0 and out["escalation_temptation"] == 0.0
    assert out["agreed_temptation"] == pytest.approx(out["shirking_temptation"])


def test_regime_table_covers_the_grid():
    df = regime_table(signal_quality=[0.6, 0.8], threat_prior=[0.02, 0.2])
    assert len(df) == 4 and set(df.columns) >= {"signal_quality", "threat_prior", "regime", "gain_exposed"}
    assert (df["national_regret"] <= 1e-9).all()


@pytest.mark.parametrize("kwargs, match", [
    (dict(signal_quality=0.4), "signal_quality must be >= 0.5"),
    (dict(threat_prior=0.0), "threat_prior must be > 0"),
    (dict(consultation_delay=1.5), "consultation_delay must be <= 1"),
    (dict(cost_strike=-1.0), "cost_strike must be >= 0"),
])
def test_bad_parameters_are_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ImminentThreatModel(**kwargs)


def test_game_is_the_induced_normal_form():
    g = ImminentThreatModel().game()
    assert g.shape == (16, 16) and g.actions[0][0] == "wait|wait"
    assert g.payoffs[0, 0].tolist() == pytest.approx([-0.2 * 10, -0.2 * 5])   # both always wait: p * L
