// The NoticeWatchAnalysis module.
