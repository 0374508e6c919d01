// The NoticeWatchIngest module.
