// The NoticeWatchGenerator module.
