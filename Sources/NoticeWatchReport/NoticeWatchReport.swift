// The NoticeWatchReport module.
