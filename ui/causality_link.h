// causality_link.h: "Why did this happen?" across the panes.
//
// One checkable action (toolbar, View menu, W, and the narration's link)
// turns on the causal overlay: for the event just applied, the loop view
// draws its chain as numbered outlines and arrows, the timeline marks the
// chain's events, and the code pane underlines the lines they ran at. The
// numbers match the narration's "Why now" sentence.
#pragma once

class QAction;

namespace ui {

class CodePane;
class LoopView;
class PlaybackController;
class TimelineView;

// Keeps the three panes in step with `toggle` and the cursor.
void linkCausality(QAction* toggle, PlaybackController* controller, LoopView* loop, TimelineView* timeline,
                   CodePane* code);

}  // namespace ui
