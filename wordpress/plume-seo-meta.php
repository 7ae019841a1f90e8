<?php
/**
 * Plugin Name: Plume SEO meta
 * Description: Lets the REST API read and write the SEO title, meta description and focus keyphrase of Yoast SEO and Rank Math on posts, for users who may edit the post. No other meta key.
 * Version: 1.0.0
 * License: MIT
 *
 * Install: copy this file into wp-content/mu-plugins/ (create the folder if needed). A must-use plugin
 * is always active; nothing to enable.
 */

if (!defined('ABSPATH')) {
	exit;
}

/** Exactly the keys `plume publish wordpress` writes: Yoast SEO's, then Rank Math's. */
const PLUME_SEO_META_KEYS = array(
	'_yoast_wpseo_title',
	'_yoast_wpseo_metadesc',
	'_yoast_wpseo_focuskw',
	'rank_math_title',
	'rank_math_description',
	'rank_math_focus_keyword',
);

add_action('init', function () {
	foreach (PLUME_SEO_META_KEYS as $key) {
		register_post_meta('post', $key, array(
			'type' => 'string',
			'single' => true,
			'show_in_rest' => true,
			'sanitize_callback' => 'sanitize_text_field',
			// Keys starting with `_` are protected: only a user who may edit this very post reads or writes them.
			'auth_callback' => function ($allowed, $meta_key, $post_id) {
				return current_user_can('edit_post', $post_id);
			},
		));
	}
});
