// ECharts for the cockpit's trends (bars of cumulative or single-period
// values, a line of reported growth); loaded by dynamic import only when a
// chart is drawn, so the first screen does not wait for it.
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export default echarts
