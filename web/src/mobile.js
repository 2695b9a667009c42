import { ref } from 'vue'

// True on phone-sized screens (< 768px), kept up to date.
const mq = typeof window !== 'undefined' ? window.matchMedia('(max-width: 767px)') : null
export const isMobile = ref(mq ? mq.matches : false)
if (mq) mq.addEventListener('change', (e) => { isMobile.value = e.matches })
