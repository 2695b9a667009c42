// The icons used per menu entry, imported one by one (tree-shaken).
import {
  HomeFilled, OfficeBuilding, Promotion, Shop, Present, TrendCharts, Flag, Location,
  School, User, Key, Document, Files, Odometer,
} from '@element-plus/icons-vue'

export const ICONS = {
  home: HomeFilled,
  projects: OfficeBuilding,
  investment: Promotion,
  service: Shop,
  policies: Present,
  economy: TrendCharts,
  supervision: Flag,
  enterprises: Files,
  regions: Location,
  departments: School,
  users: User,
  tokens: Key,
  lightRules: Odometer,
  audit: Document,
}
