#include "engine/serve/workbench_page.hpp"

#include "engine/output/report/report_page.hpp"

// The page's style and script, embedded by serve_assets.S (NUL-terminated).
extern "C" const char followsim_workbench_css[];
extern "C" const char followsim_workbench_js[];

namespace followsim::serve {

std::string workbench_page(Lang lang) {
    const std::string code(lang_code(lang));
    std::string html = "<!doctype html>\n<html lang=" + code +
                       "><head><meta charset=utf-8>\n"
                       "<meta name=viewport content=\"width=device-width, initial-scale=1\">\n"
                       "<link rel=icon href=\"data:,\">\n<title>followsim workbench</title>\n";
    html += "<style>" + std::string(followsim_workbench_css) + "</style>\n";
    html += output::chart_library_scripts();
    html += "</head><body data-lang=" + code + ">\n";
    html += R"(<header>
  <h1>followsim <span class=sub data-text=workbench></span></h1>
  <div class=bar>
    <label><span data-text=scenario></span> <select id=shipped></select></label>
    <label class=upload><span data-text=open></span>
      <input type=file id=upload accept=".yaml,.yml,text/yaml"></label>
    <span id=scenario-file class=file></span>
  </div>
  <p id=scenario-name class=name></p>
  <div id=open-problems class=problems role=alert></div>
</header>
<main>
  <form id=form autocomplete=off novalidate>
    <fieldset class=settings>
      <legend data-text=runSettings></legend>
      <div class=field data-path=replications>
        <label for=replications data-text=replications></label>
        <div class=input><input id=replications name=replications inputmode=numeric></div>
        <div class=problem role=alert></div>
      </div>
      <div class=field data-path=seed>
        <label for=seed data-text=seed></label>
        <div class=input><input id=seed name=seed inputmode=numeric></div>
        <div class=problem role=alert></div>
      </div>
      <div class=buttons>
        <button type=submit id=run data-text=run></button>
        <button type=button id=reset data-text=reset></button>
      </div>
    </fieldset>
    <div id=form-problems class=problems role=alert></div>
    <div id=fields></div>
  </form>
  <section id=results>
    <div id=progress hidden><progress id=progress-bar max=1 value=0></progress>
      <span id=progress-text></span></div>
    <article id=current hidden>
      <h2 id=current-title></h2>
      <p id=verdict class=verdict></p>
      <ul id=changes class=changes></ul>
      <p id=downloads class=downloads></p>
      <div id=charts class=charts></div>
      <h3 data-text=figures></h3>
      <div id=figures class=figures-wrap></div>
      <div id=subgroups class=figures-wrap></div>
    </article>
    <section id=history hidden>
      <h2 data-text=history></h2>
      <ol id=runs></ol>
      <div id=comparison hidden>
        <h3 data-text=comparison></h3>
        <div id=compare-table class=figures-wrap></div>
        <div id=compare-charts class=charts></div>
      </div>
    </section>
  </section>
</main>
)";
    html += "<script>" + std::string(followsim_workbench_js) + "</script>\n</body></html>\n";
    return html;
}

}  // namespace followsim::serve
