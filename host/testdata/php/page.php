<?php
/**
 * Template Name: Test drive
 * The page that books a test drive; the chat widget asks for the brand.
 */
get_header();
$brand = get_post_meta( get_the_ID(), 'brand', true );
$notice = "<script>web1on1.api.sendClientMessage('>cs /sett a b')</script>"; // PHP code, not the page
?>
<main id="primary" class="site-main">
	<?php while ( have_posts() ) : the_post(); ?>
		<h1><?php the_title(); ?></h1>
		<button class="chat" onclick="web1on1.api.sendClientMessage('>cs .brand <?php echo esc_js( $brand ); ?>')">
			<?php esc_html_e( 'Ask about this car', 'acme' ); ?>
		</button>
	<?php endwhile; ?>
</main>
<script>
	// The category comes from the page; the form id is fixed.
	web1on1.api.sendClientMessage('>cs /set @category <?= esc_js( $category ) ?>');
	web1on1.api.sendClientMessage('>cs +6093490651a8b5629324ae4f');
	<?php if ( is_user_logged_in() ) : ?>
	web1on1.api.sendClientMessage('>cs /sett isLead yes');
	<?php endif; ?>
	var greeting = <?php echo wp_json_encode( $greeting ); ?>;
	web1on1.api.sendClientMessage('>cs /assign 62c6077ca980127f404b030');
</script>
<?php
$doc = <<<HTML
<b onclick="x('>cs /notify ?>')">
HTML;
get_footer();
