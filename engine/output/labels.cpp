#include "engine/output/labels.hpp"

#include <array>

namespace followsim::output {

namespace {

struct Label {
    std::string_view key;
    std::string_view en;
    std::string_view nb;
};

// Metric names first (the keys are summary.json's), then the pages' and the terminal's texts.
constexpr std::array kLabels = std::to_array<Label>({
    // Metrics
    {"placement_rate", "Placement rate", "Andel i jobb"},
    {"placed", "Persons placed", "Personer i jobb"},
    {"persons", "Persons", "Personer"},
    {"mean_days_to_job", "Days to a job (mean)", "Dager til jobb (snitt)"},
    {"employment_months", "Months in work", "Måneder i arbeid"},
    {"mean_wait_days", "Wait for a place, days", "Ventetid på plass, dager"},
    {"caseworker_utilisation", "Caseworker utilisation", "Veiledernes belegg"},
    {"cost_programme_nok", "Programme cost", "Kostnad for oppfølgingen"},
    {"cost_per_placement_nok", "Cost per person placed", "Kostnad per person i jobb"},
    {"benefits_paid_nok", "Benefits paid", "Utbetalte ytelser"},
    {"production_gain_nok", "Production gain", "Produksjonsgevinst"},
    {"npv_socioeconomic_nok", "Socio-economic NPV", "Samfunnsøkonomisk netto nåverdi"},
    {"benefit_cost_ratio", "Benefit/cost ratio", "Nytte/kostnad-forhold"},
    {"net_fiscal_nok", "Net gain, public budgets", "Netto gevinst, offentlige budsjetter"},
    {"budget_spent_nok", "Purchase budget spent", "Brukt av kjøpsbudsjettet"},
    {"budget_exhausted_day", "Budget used up on day", "Budsjettet brukt opp, dag"},
    {"net_fiscal_state_nok", "Net gain, the state", "Netto gevinst, staten"},
    {"net_fiscal_municipality_nok", "Net gain, municipalities", "Netto gevinst, kommunene"},
    {"tax_financing_cost_nok", "Tax financing cost", "Skattefinansieringskostnad"},
    {"taxes_nok", "Taxes", "Skatter"},
    {"socioeconomic_value_nok", "Socio-economic value", "Samfunnsøkonomisk verdi"},
    {"cost_caseworker_time_nok", "Staff (caseworker time)", "Ansatte (veiledertid)"},
    {"cost_purchases_nok", "Purchases", "Kjøp"},
    {"cost_result_fees_nok", "Result fees", "Resultathonorar"},
    {"cost_ordering_time_nok", "Ordering time", "Bestillingstid"},
    {"cost_training_nok", "Training", "Opplæring"},
    {"staff_utilisation", "Staff utilisation", "Utnyttelse av veiledertid"},
    {"cost_idle_staff_nok", "Cost of idle staff time", "Kostnad for ubrukt veiledertid"},
    {"mean_dose_hours_per_month", "Follow-up hours a month", "Oppfølgingstimer i måneden"},
    {"rationed_share", "Share rationed", "Andel rasjonert"},
    {"waiting_at_horizon", "Still waiting at the end", "Venter fortsatt ved slutten"},
    {"npv_after_horizon_nok", "NPV after the horizon", "Nåverdi etter perioden"},
    {"exits_disability_benefit", "Exits to disability benefit", "Overgang til uføretrygd"},
    {"exits_social_assistance", "Exits to social assistance", "Overgang til sosialhjelp"},
    {"exits_education", "Exits to education", "Overgang til utdanning"},
    {"exits_unknown", "Exits, other or unknown", "Overgang, annet eller ukjent"},
    // Units of durations
    {"days", "days", "dager"},
    {"weeks", "weeks", "uker"},
    {"months", "months", "måneder"},
    {"years", "years", "år"},
    // Subgroup dimensions
    {"cohort", "cohort", "kohort"},
    {"need_group", "need group", "innsatsgruppe"},
    {"age_band", "age band", "aldersgruppe"},
    {"benefit", "benefit", "ytelse"},
    // ICERs and the efficiency frontier (dampack's codes)
    {"icer.ratio", "ratio", "forhold"},
    {"icer.dominant", "cheaper and at least as good (dominant)",
     "billigere og minst like godt (dominerer)"},
    {"icer.dominated", "dearer and no better (dominated)", "dyrere og ikke bedre (dominert)"},
    {"icer.no_difference", "no difference", "ingen forskjell"},
    {"frontier.ND", "on the frontier", "på fronten"},
    {"frontier.D", "dominated", "dominert"},
    {"frontier.ED", "extendedly dominated", "utvidet dominert"},
    // The terminal
    {"table.metric", "", ""},  // the metric column has no heading
    {"table.comparison", "{} vs {}: socio-economic NPV difference {}; {}; better in {}",
     "{} mot {}: forskjell i samfunnsøkonomisk netto nåverdi {}; {}; bedre i {}"},
    {"table.icer_ratio", "{} per extra person placed", "{} per ekstra person i jobb"},
    {"cli.run_title", "{} — {} replications, seed {}; mean [95 % CI of the mean]",
     "{} — {} replikasjoner, frø {}; gjennomsnitt [95 % konfidensintervall for gjennomsnittet]"},
    {"cli.psa_title",
     "{} — PSA, {} draws × {} replications, seed {}; mean of the draws [95 % of draws]",
     "{} — PSA, {} trekninger × {} replikasjoner, frø {}; gjennomsnitt av trekningene [95 % av "
     "trekningene]"},
    {"cli.done", "{} events in {} s on {} threads; results in {}/",
     "{} hendelser på {} s med {} tråder; resultatene i {}/"},
    {"cli.valid", "{}: valid (cohorts: {}, pathways: {}, arms: {}, uncertain parameters: {})",
     "{}: gyldig (kohorter: {}, stier: {}, alternativer: {}, usikre parametere: {})"},
    {"cli.progress_line", "followsim: {}/{} {} in {} s, about {} s left",
     "followsim: {}/{} {} på {} s, omtrent {} s igjen"},
    {"cli.progress_bar", "{}/{} {}, {}/s, {} s left", "{}/{} {}, {}/s, {} s igjen"},
    {"replications", "replications", "replikasjoner"},
    {"draws", "draws", "trekninger"},
    {"points", "points", "punkter"},
    {"candidates", "candidates", "kandidater"},
    {"cli.calibrated",
     "  {} = {:.6g} [{:.6g}, {:.6g}] against the target {} ({} replications, {} evaluations)",
     "  {} = {:.6g} [{:.6g}, {:.6g}] mot målet {} ({} replikasjoner, {} evalueringer)"},
    {"cli.use_it", "  use it with --set {} (results in {}/)",
     "  bruk det med --set {} (resultatene i {}/)"},
    {"cli.compare_done", "comparison report in {}/report.html",
     "sammenligningsrapport i {}/report.html"},
    {"sweep.title", "{} — sweep of {} points × {} replications, seed {}",
     "{} — sweep av {} punkter × {} replikasjoner, frø {}"},
    {"sweep.tornado",
     "Socio-economic NPV of {} minus {}: {} at the scenario's values; at each end of each "
     "range:",
     "Samfunnsøkonomisk netto nåverdi av {} minus {}: {} med scenarioets verdier; i hver ende av "
     "hvert intervall:"},
    {"sweep.best", "{}: best {}, in arm {} at {}", "{}: best {}, i alternativet {} ved {}"},
    // optimise
    {"optimise.title",
     "{} — optimise {} a year for arm {} ({}); {}{}, {} replications a "
     "candidate, seed {}",
     "{} — optimer {} i året for alternativet {} ({}); {}{}, {} replikasjoner per kandidat, "
     "frø {}"},
    {"optimise.against", " against {}", " mot {}"},
    {"optimise.places", ", {} {} places", ", {} plasser i {}"},
    {"optimise.caseworkers", "{} caseworkers ({}){}", "{} veiledere ({}){}"},
    {"optimise.best", "Best split: {}; purchase budget {}",
     "Beste fordeling: {}; kjøpsbudsjett {}"},
    {"optimise.objective", "{}: {} (mean [95 % CI of the mean])",
     "{}: {} (gjennomsnitt [95 % konfidensintervall for gjennomsnittet])"},
    {"optimise.candidates", "{} candidates simulated ({} proposals): {}",
     "{} kandidater simulert ({} forslag): {}"},
    {"optimise.header", "caseworkers", "veiledere"},
    {"optimise.split_title", "Best split of {} a year", "Beste fordeling av {} i året"},
    {"optimise.split_arm", "Arm {} ({}){}", "Alternativet {} ({}){}"},
    {"optimise.split_budget", "{}; purchase budget {}", "{}; kjøpsbudsjett {}"},
    // compare
    {"compare.title", "followsim — comparison of results",
     "followsim — sammenligning av resultater"},
    {"compare.folder_arm", "folder/arm", "mappe/alternativ"},
    {"compare.price_year", "Money in NOK of {}, discounted to the start.",
     "Beløp i kroner i {}-priser, neddiskontert til starten."},
    {"compare.differences", "{} minus {}", "{} minus {}"},
    {"compare.scenario_diff", "Values that differ between the scenarios, by key path: {}",
     "Verdier som er ulike i scenarioene, etter nøkkel: {}"},
    {"compare.paired", "paired by replication: same seed, common random numbers",
     "parvis per replikasjon: samme frø, felles tilfeldige tall"},
    {"compare.unpaired", "the folders as independent samples", "mappene som uavhengige utvalg"},
    {"compare.interval_note",
     "95 % confidence intervals of the difference of the means: of the paired differences where "
     "both folders ran the same seed and number of samples, else taking them as independent.",
     "95 % konfidensintervall for forskjellen mellom gjennomsnittene: av de parvise "
     "forskjellene der begge mappene har samme frø og antall utvalg, ellers som uavhengige."},
    // report.html
    {"report.answer", "The answer", "Svaret"},
    {"report.key_figures", "Key figures", "Nøkkeltall"},
    {"report.charts", "Charts", "Figurer"},
    {"report.arm", "arm", "alternativ"},
    {"report.frontier_status", "frontier", "front"},
    {"report.icer", "NOK per extra person placed", "kroner per ekstra person i jobb"},
    {"report.subgroup", "subgroup", "undergruppe"},
    {"report.subgroups", "Placement rate by subgroup", "Andel i jobb etter undergruppe"},
    {"report.subgroups_note",
     "Share of each subgroup placed within the horizon; mean and, below it, the 95 % CI of the "
     "mean over replications.",
     "Andel av hver undergruppe i jobb innen perioden; gjennomsnitt og, under, 95 % "
     "konfidensintervall for gjennomsnittet over replikasjonene."},
    {"report.interval_replications",
     "Mean over {} replications; below it the 95 % confidence interval of the mean. Money in "
     "NOK, present values; NPV and net gain against the baseline arm.",
     "Gjennomsnitt over {} replikasjoner; under står 95 % konfidensintervall for "
     "gjennomsnittet. Kroner i nåverdi; netto nåverdi og netto gevinst mot basisalternativet."},
    {"report.interval_draws",
     "Mean over {} PSA draws; below it the range of 95 % of the draws (2.5th to 97.5th "
     "percentile), not the interval of the mean (that is ci95 in summary.json). Money in NOK, "
     "present values; NPV and net gain against the baseline arm.",
     "Gjennomsnitt over {} PSA-trekninger; under står området for 95 % av trekningene (2,5- til "
     "97,5-persentilen), ikke intervallet for gjennomsnittet (det er ci95 i summary.json). "
     "Kroner i nåverdi; netto nåverdi og netto gevinst mot basisalternativet."},
    {"report.ce", "Cost-effectiveness: efficiency frontier and the value of information",
     "Kostnadseffektivitet: effektivitetsfront og verdien av informasjon"},
    {"report.evpi",
     "Expected value of perfect information (EVPI, what removing all uncertainty would be "
     "worth): {}.",
     "Forventet verdi av perfekt informasjon (EVPI, hva det ville være verdt å fjerne all "
     "usikkerhet): {}."},
    {"report.evpi_at", "{} at {} per placement", "{} ved {} per person i jobb"},
    {"report.uncertainty_run",
     "In a run the probabilities (probability better, the CEAC, the EVPI) count simulation "
     "noise only: every replication has the same parameters. Run followsim psa for the "
     "uncertainty in the parameters.",
     "I en kjøring måler sannsynlighetene (sannsynlighet for å være bedre, CEAC, EVPI) bare "
     "tilfeldig variasjon i simuleringen: alle replikasjoner har de samme parameterne. Kjør "
     "followsim psa for usikkerheten i parameterne."},
    {"report.uncertainty_psa",
     "In a PSA the probabilities (probability better, the CEAC, the EVPI) count the uncertainty "
     "in the parameters drawn from the scenario's uncertainty section.",
     "I en PSA måler sannsynlighetene (sannsynlighet for å være bedre, CEAC, EVPI) usikkerheten "
     "i parameterne som trekkes fra scenarioets uncertainty-del."},
    {"report.what_run", "{} replications", "{} replikasjoner"},
    {"report.what_psa", "PSA: {} draws × {} replications", "PSA: {} trekninger × {} replikasjoner"},
    {"report.what_sweep", "sweep: {} points × {} replications",
     "sweep: {} punkter × {} replikasjoner"},
    {"report.what_optimise", "optimise: {} candidates × {} replications",
     "optimering: {} kandidater × {} replikasjoner"},
    {"report.run_line", "{} · seed {} · NOK of {}, discounted to the start · followsim {}",
     "{} · frø {} · kroner i {}-priser, neddiskontert til starten · followsim {}"},
    {"report.file_line", "Scenario file {} (SHA-256 {}…)", "Scenariofil {} (SHA-256 {}…)"},
    {"report.not_used_up", "not used up", "ikke brukt opp"},
    {"report.no_extra_cost", "none: no extra cost", "ingen: ingen merkostnad"},
    {"report.best_points", "Best points", "Beste punkter"},
    {"report.scenario_as_run", "The scenario as run", "Scenarioet slik det ble kjørt"},
    {"report.scenario_best", "The scenario at the best split",
     "Scenarioet med den beste fordelingen"},
    {"report.no_costs", "No programme cost chart: no arm has programme costs.",
     "Ingen figur over kostnader: ingen alternativer har kostnader til oppfølging."},
    {"report.no_baseline",
     "No NPV or accounts chart: the scenario has no baseline arm to measure them against.",
     "Ingen figur over netto nåverdi eller regnskap: scenarioet har ikke noe basisalternativ å "
     "måle mot."},
    {"report.one_arm", "No NPV or accounts chart: there is only one arm.",
     "Ingen figur over netto nåverdi eller regnskap: det er bare ett alternativ."},
    {"report.no_ceac", "No acceptability curve: with one arm it is always that arm.",
     "Ingen akseptkurve: med ett alternativ er det alltid det."},
    // Charts
    {"chart.month", "month", "måned"},
    {"chart.states", "Persons by state over time", "Personer etter tilstand over tid"},
    {"chart.states_sub", "mean over replications, one panel per arm",
     "gjennomsnitt over replikasjonene, ett panel per alternativ"},
    {"chart.placement", "Cumulative placement", "Andel i jobb hittil"},
    {"chart.placement_sub", "share of persons placed so far; dashed: the scenario's target",
     "andel av personene som har fått jobb hittil; stiplet: scenarioets mål"},
    {"chart.costs", "Programme costs per arm", "Kostnader til oppfølging per alternativ"},
    {"chart.costs_sub", "present value, NOK of the price year", "nåverdi, kroner i prisåret"},
    {"chart.accounts", "The three accounts", "De tre regnskapene"},
    {"chart.accounts_sub",
     "socio-economic and fiscal: present values against the baseline arm; budget: spent",
     "samfunnsøkonomisk og offentlige budsjetter: nåverdi mot basis; budsjett: brukt"},
    {"chart.npv", "Socio-economic NPV per arm", "Samfunnsøkonomisk netto nåverdi per alternativ"},
    {"chart.npv_sub_ci", "against the baseline arm; 95 % CI of the mean over replications",
     "mot basisalternativet; 95 % konfidensintervall for gjennomsnittet"},
    {"chart.npv_sub_draws", "against the baseline arm; 95 % of the PSA draws",
     "mot basisalternativet; 95 % av PSA-trekningene"},
    {"chart.ceac", "Cost-effectiveness acceptability curve",
     "Akseptkurve for kostnadseffektivitet"},
    {"chart.ceac_sub_run",
     "probability of the highest net benefit; a run: simulation noise only, not parameter "
     "uncertainty",
     "sannsynlighet for høyest netto nytte; en kjøring: bare tilfeldig variasjon, ikke usikre "
     "parametere"},
    {"chart.ceac_sub_psa", "probability of the highest net benefit over the PSA draws",
     "sannsynlighet for høyest netto nytte over PSA-trekningene"},
    {"chart.probability_best", "probability best", "sannsynlighet for å være best"},
    {"chart.wtp", "willingness to pay, NOK per placement",
     "betalingsvilje, kroner per person i jobb"},
    {"chart.evppi", "Expected value of partial perfect information (EVPPI)",
     "Forventet verdi av delvis perfekt informasjon (EVPPI)"},
    {"chart.evppi_sub", "what knowing a parameter or group for certain would be worth, NOK",
     "hva det ville være verdt å kjenne en parameter eller gruppe sikkert, kroner"},
    {"chart.evppi_all", "every parameter (EVPI)", "alle parametere (EVPI)"},
    {"chart.evppi_group", "group", "gruppe"},
    {"chart.evppi_parameter", "parameter", "parameter"},
    {"chart.plane", "Cost-effectiveness plane", "Kostnadseffektivitetsplan"},
    {"chart.plane_sub", "each PSA draw against {}", "hver PSA-trekning mot {}"},
    {"chart.extra_placed", "extra persons placed", "flere personer i jobb"},
    {"chart.extra_cost", "extra programme cost, NOK", "ekstra kostnad, kroner"},
    {"chart.tornado", "Tornado", "Tornadodiagram"},
    {"chart.tornado_sub", "socio-economic NPV of {} minus {}",
     "samfunnsøkonomisk netto nåverdi av {} minus {}"},
    {"chart.at_from", "at the low end", "i nedre ende"},
    {"chart.at_to", "at the high end", "i øvre ende"},
    {"chart.npv_difference", "NPV difference, NOK", "forskjell i netto nåverdi, kroner"},
    {"chart.surface", "Sweep surface", "Sweep-flate"},
    {"chart.one_way", "One-way sweeps", "Enveis-sweeper"},
    {"chart.optimise", "The objective over the split", "Målet over fordelingen"},
    {"chart.optimise_sub",
     "{} of arm {} for {} a year; every candidate with its 95 % CI, the best as a diamond",
     "{} for alternativet {} for {} i året; hver kandidat med 95 % konfidensintervall, den beste "
     "som en rombe"},
    {"chart.optimise_x", "caseworker FTEs (the rest of the budget buys places)",
     "veilederårsverk (resten av budsjettet kjøper plasser)"},
    {"chart.candidate_from", "candidate from", "kandidat fra"},
    {"chart.split", "How the best split spends the budget",
     "Slik bruker den beste fordelingen budsjettet"},
    {"chart.split_sub",
     "a year's staff cost and the yearly cost of the places bought, if every place is used",
     "et års lønnskostnad og årskostnaden for plassene som kjøpes, om alle brukes"},
    {"chart.n_caseworkers", "{} caseworkers", "{} veiledere"},
    {"chart.n_places", "{} places of {}", "{} plasser i {}"},
    {"chart.unbound", "not bound to staff or places", "ikke bundet til ansatte eller plasser"},
    {"chart.best_split", "best split", "beste fordeling"},
    {"chart.nok_a_year", "NOK a year", "kroner i året"},
    {"chart.compare_npv", "Socio-economic NPV per arm and folder",
     "Samfunnsøkonomisk netto nåverdi per alternativ og mappe"},
    {"chart.compare_npv_sub", "with its 95 % interval", "med 95 % intervall"},
    {"chart.compare_placement", "Placement rate per arm and folder",
     "Andel i jobb per alternativ og mappe"},
    {"chart.compare_placement_sub", "mean", "gjennomsnitt"},
    {"chart.compare_difference", "Difference in socio-economic NPV",
     "Forskjell i samfunnsøkonomisk netto nåverdi"},
    {"chart.compare_difference_sub", "each folder minus the first, with its 95 % interval",
     "hver mappe minus den første, med 95 % intervall"},
    // The verdict (summary.json decision.text)
    {"decision.only_arm", "{} is the only arm: there is nothing to choose between.",
     "{} er det eneste alternativet: det er ingenting å velge mellom."},
    {"decision.recommended_npv",
     "Choose {}: it gives society the most, a socio-economic net present value of {} against "
     "{}.",
     "Velg {}: det gir samfunnet mest, en samfunnsøkonomisk netto nåverdi på {} mot {}."},
    {"decision.recommended", "Choose {}: it gives society the most (socio-economic NPV).",
     "Velg {}: det gir samfunnet mest (samfunnsøkonomisk netto nåverdi)."},
    {"decision.best_in_replications",
     "It comes out best in {} of {} replications; that counts simulation noise only, not "
     "uncertain parameters (a PSA does).",
     "Det kommer best ut i {} av {} replikasjoner; det måler bare tilfeldig variasjon i "
     "simuleringen, ikke usikre parametere (det gjør en PSA)."},
    {"decision.best_in_draws", "It comes out best in {} of {} draws of the uncertain parameters.",
     "Det kommer best ut i {} av {} trekninger av de usikre parameterne."},
    {"decision.runner_up", "The runner-up, {}, is {} behind{}.", "Nest best er {}, {} bak{}."},
    {"decision.gap_ci", " (95 % CI of the mean: {} to {})",
     " (95 % konfidensintervall for gjennomsnittet: {} til {})"},
    {"decision.gap_draws", " (95 % of draws: {} to {})", " (95 % av trekningene: {} til {})"},
    {"decision.threshold_above", "The answer changes if {} is above {} ({}).",
     "Svaret endres hvis {} er over {} ({})."},
    {"decision.threshold_below", "The answer changes if {} is below {} ({}).",
     "Svaret endres hvis {} er under {} ({})."},
    {"decision.by_sweep", "found by the sweep", "funnet i sweepen"},
    {"decision.by_psa", "estimated from the PSA draws", "anslått fra PSA-trekningene"},
});

const Label* find(std::string_view key) {
    for (const Label& l : kLabels) {
        if (l.key == key) return &l;
    }
    return nullptr;
}

}  // namespace

std::string_view text(std::string_view key, Lang lang) {
    const Label* l = find(key);
    if (!l) return key;
    return lang == Lang::nb ? l->nb : l->en;
}

bool has_text(std::string_view key) {
    return find(key) != nullptr;
}

}  // namespace followsim::output
