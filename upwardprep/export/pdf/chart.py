"""The month-by-month chart of documented outcomes (reportlab.graphics)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from upwardprep.export import model as m
from upwardprep.export.pdf.fonts import SANS, SANS_BOLD
from upwardprep.export.pdf.theme import Theme


def round_step(top: float) -> int:
    """A tick step of 1, 2 or 5 times a power of ten that gives at most five steps to `top`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= 5:
                return factor * magnitude
        magnitude *= 10


def thousands(value: float) -> str:
    return f"{value:,.0f}"


def monthly_chart(block: m.MonthlyChart, theme: Theme, width: float) -> Drawing:
    height = 150
    drawing = Drawing(width, height, initialFontName=SANS, initialFontSize=8)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 45
    values = [count for _, count in block.months] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label.replace(" ", "\n") for label, _ in block.months]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = theme.palette.muted
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.strokeColor = theme.palette.rule
    chart.categoryAxis.tickDown = 0
    step = round_step(max([*values, 1]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * -(-max([*values, 1]) // step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = thousands
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = theme.palette.muted
    chart.valueAxis.strokeColor = theme.palette.rule
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = theme.palette.shade
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.bars[0].fillColor = theme.palette.accent
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 10
    chart.barLabelFormat = thousands
    chart.barLabels.fontName = SANS_BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = theme.palette.text
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(
        String(0, height - 8, "notes", fontName=SANS, fontSize=7, fillColor=theme.palette.faint)
    )
    return drawing
