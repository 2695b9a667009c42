// ECharts for the battle map and the rates: the bar chart of charts.js plus
// the custom series (the Gantt), zooming, mark lines, legend and title.
import echarts from './charts.js'
import { CustomChart } from 'echarts/charts'
import { DataZoomComponent, MarkLineComponent, LegendComponent, TitleComponent } from 'echarts/components'

echarts.use([CustomChart, DataZoomComponent, MarkLineComponent, LegendComponent, TitleComponent])

export default echarts
