// causality_link.cpp: showing one event's causal chain in every pane (see causality_link.h).
#include "ui/causality_link.h"

#include <QAction>

#include "ui/causality.h"
#include "ui/causality_arrows.h"
#include "ui/code_pane.h"
#include "ui/loop_view.h"
#include "ui/playback_controller.h"
#include "ui/timeline_view.h"

namespace ui {

void linkCausality(QAction* toggle, PlaybackController* controller, LoopView* loop, TimelineView* timeline,
                   CodePane* code) {
  auto refresh = [=] {
    const auto& t = controller->trace();
    const std::size_t cursor = controller->cursor();
    if (!toggle->isChecked() || !t || cursor == 0 || cursor > t->size()) {
      loop->clearCausality();
      timeline->setCausalChain({});
      code->setCausalLines({});
      return;
    }
    const std::vector<std::size_t> chain = causalChain(*t, cursor - 1);
    loop->showCausality(cursor - 1);
    timeline->setCausalChain(narratedChain(*t, chain));
    code->setCausalLines(causalLines(*t, chain));
  };
  QObject::connect(toggle, &QAction::toggled, loop, refresh);
  QObject::connect(controller, &PlaybackController::cursorChanged, loop, refresh);
  QObject::connect(controller, &PlaybackController::traceChanged, loop, refresh);
}

}  // namespace ui
